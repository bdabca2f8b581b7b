import { useQueryClient } from '@tanstack/react-query';
import { orThrow, useClient } from '../api';
import { CopyButton } from '../components/bits';
import { Field, FormActions, TextField } from '../forms/fields';
import { requestSchema } from '../forms/request-schema';
import type { Problems } from '../forms/schema-problems';
import { useCheckedForm, type CheckedForm } from '../forms/use-checked-form';
import type { RequestBody, Service } from '../types';

const HTTP_VERBS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** A method being edited; its input schema is JSON text. */
interface MethodRow {
  name: string;
  http_method: string;
  path: string;
  description: string;
  input_schema: string;
}

type ServiceValues = {
  name: string;
  description: string;
  base_url: string;
  methods: MethodRow[];
};

function valuesOf(service: Service | undefined): ServiceValues {
  return {
    name: service?.name ?? '',
    description: service?.description ?? '',
    base_url: service?.base_url ?? '',
    methods: (service?.methods ?? []).map((method) => ({
      name: method.name,
      http_method: method.http_method,
      path: method.path,
      description: method.description ?? '',
      input_schema: method.input_schema ? JSON.stringify(method.input_schema, null, 2) : '',
    })),
  };
}

/** The text of an input schema as JSON, or the text itself when it is not JSON (the schema check then names it). */
function parsedSchema(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function bodyOf(values: ServiceValues) {
  return {
    name: values.name,
    description: values.description.trim() || null,
    base_url: values.base_url,
    methods: values.methods.map((method) => ({
      name: method.name,
      http_method: method.http_method,
      path: method.path,
      description: method.description.trim() || null,
      input_schema: parsedSchema(method.input_schema),
    })),
  };
}

function schemaTextProblems(values: ServiceValues): Problems {
  const problems: Problems = new Map();
  values.methods.forEach((method, index) => {
    if (method.input_schema.trim() === '') return;
    try {
      JSON.parse(method.input_schema);
    } catch (error) {
      problems.set(`methods.${index}.input_schema`, `is not JSON: ${(error as Error).message}`);
    }
  });
  return problems;
}

/** Registers a service (its signing secret is shown once) or edits one, method by method (with the ETag it started from). */
export function ServiceForm({ service, onDone }: { service?: Service; onDone(): void }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const form = useCheckedForm({
    initial: () => valuesOf(service),
    schema: service ? requestSchema('PATCH /v1/services/{id}') : requestSchema('POST /v1/services'),
    toBody: bodyOf,
    extraProblems: schemaTextProblems,
    send: (body) =>
      service
        ? orThrow(client.PATCH('/v1/services/{id}', { params: { path: { id: service.id } }, headers: { 'If-Match': service.etag }, body: body as RequestBody<'/v1/services/{id}', 'patch'> }))
        : orThrow(client.POST('/v1/services', { body: body as RequestBody<'/v1/services', 'post'> })),
    onSent: () => {
      void queryClient.invalidateQueries({ queryKey: ['services'] });
      void queryClient.invalidateQueries({ queryKey: ['service'] });
      if (service) onDone();
      else form.reset(valuesOf(undefined));
    },
  });
  const secret = form.result && 'signing_secret' in form.result ? String(form.result.signing_secret) : null;
  return (
    <form className="form" ref={form.formRef} onSubmit={form.onSubmit} noValidate aria-label={service ? `Edit ${service.name}` : 'New service'}>
      <TextField form={form} path="name" label="Name" hint="lower-case letters, digits, _ . - (up to 100)" />
      <TextField form={form} path="description" label="Description" />
      <TextField form={form} path="base_url" label="Base URL" type="url" hint="where the connector listens, http(s)" />
      <MethodsEditor form={form} />
      <FormActions form={form} label={service ? `Save ${service.name}` : 'Create service'} onCancel={service ? onDone : undefined} />
      {secret && (
        <div className="secret" role="status">
          <p>Signing secret for the connector — shown once:</p>
          <code>{secret}</code> <CopyButton text={secret} />
        </div>
      )}
    </form>
  );
}

function MethodsEditor({ form }: { form: CheckedForm<ServiceValues> }) {
  const methods = form.values.methods;
  const update = (index: number, patch: Partial<MethodRow>) => form.set('methods', methods.map((method, at) => (at === index ? { ...method, ...patch } : method)));
  return (
    <fieldset>
      <legend>Methods</legend>
      {methods.map((method, index) => {
        const at = `methods.${index}`;
        const named = method.name || `method ${index + 1}`;
        return (
          <fieldset key={index} className="method-row">
            <legend>{named}</legend>
            <div className="fields-row">
              <Field problem={form.problemAt(`${at}.name`)} label={`Method ${index + 1} name`}>
                {(control) => <input {...control} autoComplete="off" spellCheck={false} value={method.name} onChange={(event) => update(index, { name: event.target.value })} />}
              </Field>
              <Field problem={form.problemAt(`${at}.http_method`)} label={`${named}: HTTP verb`}>
                {(control) => (
                  <select {...control} value={method.http_method} onChange={(event) => update(index, { http_method: event.target.value })}>
                    {HTTP_VERBS.map((verb) => (
                      <option key={verb}>{verb}</option>
                    ))}
                  </select>
                )}
              </Field>
              <Field problem={form.problemAt(`${at}.path`)} label={`${named}: path`}>
                {(control) => <input {...control} autoComplete="off" spellCheck={false} value={method.path} onChange={(event) => update(index, { path: event.target.value })} />}
              </Field>
            </div>
            <Field problem={form.problemAt(`${at}.input_schema`)} label={`${named}: input JSON Schema`} hint="empty: any input">
              {(control) => <textarea {...control} rows={4} spellCheck={false} value={method.input_schema} onChange={(event) => update(index, { input_schema: event.target.value })} />}
            </Field>
            <button type="button" onClick={() => form.set('methods', methods.filter((_, other) => other !== index))}>
              Remove {named}
            </button>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => form.set('methods', [...methods, { name: '', http_method: 'POST', path: '/', description: '', input_schema: '' }])}>
        Add a method
      </button>
    </fieldset>
  );
}
