import { useQueryClient } from '@tanstack/react-query';
import { orThrow, useClient } from '../api';
import { FormActions, numberOrText, SelectField, TextField } from '../forms/fields';
import { InputEditor } from '../forms/input-editor';
import { draftOf, draftProblems, type InputDraft } from '../forms/input-draft';
import { requestSchema } from '../forms/request-schema';
import { useCheckedForm } from '../forms/use-checked-form';
import { useDeploymentChoices, useMethodSchema, useServiceOf } from '../queries';
import type { Action, RequestBody } from '../types';

const NAME_HINT = 'lower-case letters, digits, _ . - (up to 100)';

/** Keys are the body's dotted paths, so the schema's problems and the api's land on them. */
type ActionValues = {
  name: string;
  description: string;
  deployment_id: string;
  method: string;
  default_input: InputDraft;
  timeout_ms: string;
  'retry_policy.max_attempts': string;
  'retry_policy.initial_delay_ms': string;
  'retry_policy.multiplier': string;
  'retry_policy.max_delay_ms': string;
  cache_ttl_ms: string;
  publish_results: string;
  'result_route.exchange': string;
  'result_route.routing_key': string;
  queue: string;
};

function valuesOf(action: Action | undefined): ActionValues {
  const retry = action?.retry_policy;
  return {
    name: action?.name ?? '',
    description: action?.description ?? '',
    deployment_id: action?.deployment_id ?? '',
    method: action?.method ?? '',
    default_input: draftOf(action?.default_input),
    timeout_ms: action ? String(action.timeout_ms) : '',
    'retry_policy.max_attempts': retry ? String(retry.max_attempts) : '3',
    'retry_policy.initial_delay_ms': retry ? String(retry.initial_delay_ms) : '1000',
    'retry_policy.multiplier': retry ? String(retry.multiplier) : '2',
    'retry_policy.max_delay_ms': retry ? String(retry.max_delay_ms) : '60000',
    cache_ttl_ms: action?.cache_ttl_ms ? String(action.cache_ttl_ms) : '',
    publish_results: action?.result_route ? 'yes' : 'no',
    'result_route.exchange': action?.result_route?.exchange ?? '',
    'result_route.routing_key': action?.result_route?.routing_key ?? '',
    queue: action?.queue ?? '',
  };
}

function bodyOf(values: ActionValues) {
  return {
    name: values.name,
    description: values.description.trim() || null,
    deployment_id: values.deployment_id,
    method: values.method,
    default_input: values.default_input.value ?? {},
    timeout_ms: numberOrText(values.timeout_ms),
    retry_policy: {
      max_attempts: numberOrText(values['retry_policy.max_attempts']),
      initial_delay_ms: numberOrText(values['retry_policy.initial_delay_ms']),
      multiplier: numberOrText(values['retry_policy.multiplier']),
      max_delay_ms: numberOrText(values['retry_policy.max_delay_ms']),
    },
    cache_ttl_ms: numberOrText(values.cache_ttl_ms) ?? null,
    result_route: values.publish_results === 'yes' ? { exchange: values['result_route.exchange'], routing_key: values['result_route.routing_key'] } : null,
    queue: values.queue.trim() || undefined,
  };
}

/**
 * Creates an action, or edits one (sent with the ETag it started from: a change made
 * meanwhile is refused, not overwritten unseen): every setting, checked against the api's request
 * schema, and the default input against the method's JSON Schema (partially: a run's
 * input completes it).
 */
export function ActionForm({ action, onDone }: { action?: Action; onDone(): void }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const deployments = useDeploymentChoices();
  const form = useCheckedForm({
    initial: () => valuesOf(action),
    schema: action ? requestSchema('PATCH /v1/actions/{id}') : requestSchema('POST /v1/actions'),
    toBody: bodyOf,
    extraProblems: (values) => draftProblems(values.default_input, schema, 'default_input', true),
    send: (body) =>
      action
        ? orThrow(client.PATCH('/v1/actions/{id}', { params: { path: { id: action.id } }, headers: { 'If-Match': action.etag }, body: body as RequestBody<'/v1/actions/{id}', 'patch'> }))
        : orThrow(client.POST('/v1/actions', { body: body as RequestBody<'/v1/actions', 'post'> })),
    onSent: () => {
      void queryClient.invalidateQueries({ queryKey: ['actions'] });
      void queryClient.invalidateQueries({ queryKey: ['action'] });
      if (!action) form.reset(valuesOf(undefined));
      onDone();
    },
  });
  const service = useServiceOf(form.values.deployment_id || undefined);
  const schema = useMethodSchema(form.values.deployment_id || undefined, form.values.method || undefined);
  const label = action ? action.name : 'new action';
  return (
    <form className="form" ref={form.formRef} onSubmit={form.onSubmit} noValidate aria-label={action ? `Edit ${action.name}` : 'New action'}>
      <TextField form={form} path="name" label="Name" hint={NAME_HINT} />
      <TextField form={form} path="description" label="Description" />
      <SelectField
        form={form}
        path="deployment_id"
        label="Deployment"
        placeholder="choose…"
        options={(deployments.data?.items ?? []).map((deployment) => ({ value: deployment.id, label: deployment.name }))}
      />
      <SelectField
        form={form}
        path="method"
        label="Method"
        placeholder="choose…"
        options={(service.data?.methods ?? []).map((method) => ({ value: method.name, label: method.name }))}
      />
      <InputEditor key={`${form.values.deployment_id}/${form.values.method}`} form={form} path="default_input" label="Default input" schema={schema} partial />
      <fieldset>
        <legend>Running</legend>
        <div className="fields-row">
          <TextField form={form} path="timeout_ms" label="Timeout (ms)" type="number" hint="empty: 30 s" />
          <TextField form={form} path="cache_ttl_ms" label="Cache results for (ms)" type="number" hint="empty: never cached" />
          <TextField form={form} path="queue" label="Queue" hint="empty: interflow.actions" />
        </div>
      </fieldset>
      <fieldset>
        <legend>Retries</legend>
        <div className="fields-row">
          <TextField form={form} path="retry_policy.max_attempts" label="Attempts at most" type="number" />
          <TextField form={form} path="retry_policy.initial_delay_ms" label="First delay (ms)" type="number" />
          <TextField form={form} path="retry_policy.multiplier" label="Delay multiplier" type="number" />
          <TextField form={form} path="retry_policy.max_delay_ms" label="Longest delay (ms)" type="number" />
        </div>
      </fieldset>
      <fieldset>
        <legend>Results</legend>
        <SelectField
          form={form}
          path="publish_results"
          label="Publish each result"
          options={[
            { value: 'no', label: 'no' },
            { value: 'yes', label: 'yes, to an exchange' },
          ]}
        />
        {form.values.publish_results === 'yes' && (
          <div className="fields-row">
            <TextField form={form} path="result_route.exchange" label="Exchange" hint="empty: the default exchange (routing key = queue)" />
            <TextField form={form} path="result_route.routing_key" label="Routing key" />
          </div>
        )}
      </fieldset>
      <FormActions form={form} label={action ? `Save ${label}` : 'Create action'} onCancel={action ? onDone : undefined} />
    </form>
  );
}
