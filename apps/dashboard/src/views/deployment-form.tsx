import { useQueryClient } from '@tanstack/react-query';
import { orThrow, useClient } from '../api';
import { credentialProblems, credentialsBody, CredentialsEditor, storedCredentialRows, type CredentialRow } from '../forms/credentials-editor';
import { FormActions, numberOrText, SelectField, TextField } from '../forms/fields';
import { InputEditor } from '../forms/input-editor';
import { draftOf, draftProblems, type InputDraft } from '../forms/input-draft';
import { requestSchema } from '../forms/request-schema';
import { mergeProblems } from '../forms/schema-problems';
import { useCheckedForm } from '../forms/use-checked-form';
import { useServiceChoices } from '../queries';
import type { Deployment, RequestBody } from '../types';

const OPERATIONS = ['read', 'run', 'change'] as const;
const ROLE_CHOICES = [
  { value: '', label: 'as the route needs' },
  { value: 'viewer', label: 'viewer' },
  { value: 'operator', label: 'operator' },
  { value: 'admin', label: 'admin' },
];

type AccessKeys = `access_rules.${(typeof OPERATIONS)[number]}.${'min_role' | 'token_ids'}`;

/** Keys are the body's dotted paths, so the schema's problems and the api's land on them. */
type DeploymentValues = {
  name: string;
  description: string;
  service_id: string;
  connection: InputDraft;
  credentials: CredentialRow[];
  'rate_limit.requests': string;
  'rate_limit.interval_ms': string;
  max_concurrency: string;
} & Record<AccessKeys, string>;

function valuesOf(deployment: Deployment | undefined): DeploymentValues {
  const rules = deployment?.access_rules ?? {};
  const access = Object.fromEntries(
    OPERATIONS.flatMap((operation) => [
      [`access_rules.${operation}.min_role`, rules[operation]?.min_role ?? ''],
      [`access_rules.${operation}.token_ids`, (rules[operation]?.token_ids ?? []).join(', ')],
    ]),
  ) as Record<AccessKeys, string>;
  return {
    name: deployment?.name ?? '',
    description: deployment?.description ?? '',
    service_id: deployment?.service_id ?? '',
    connection: draftOf(deployment?.connection, true),
    credentials: storedCredentialRows(Object.keys(deployment?.credentials ?? {})),
    'rate_limit.requests': deployment?.rate_limit ? String(deployment.rate_limit.requests) : '',
    'rate_limit.interval_ms': deployment?.rate_limit ? String(deployment.rate_limit.interval_ms) : '',
    max_concurrency: deployment?.max_concurrency ? String(deployment.max_concurrency) : '',
    ...access,
  };
}

function accessRulesOf(values: DeploymentValues) {
  const rules: Record<string, { min_role?: string; token_ids?: string[] }> = {};
  for (const operation of OPERATIONS) {
    const minRole = values[`access_rules.${operation}.min_role`];
    const tokenIds = values[`access_rules.${operation}.token_ids`].split(/[\s,]+/).filter(Boolean);
    if (minRole || tokenIds.length > 0) rules[operation] = { ...(minRole ? { min_role: minRole } : {}), ...(tokenIds.length > 0 ? { token_ids: tokenIds } : {}) };
  }
  return rules;
}

function bodyOf(values: DeploymentValues) {
  const limited = values['rate_limit.requests'] !== '' || values['rate_limit.interval_ms'] !== '';
  return {
    name: values.name,
    description: values.description.trim() || null,
    service_id: values.service_id,
    connection: values.connection.value ?? {},
    credentials: credentialsBody(values.credentials),
    rate_limit: limited ? { requests: numberOrText(values['rate_limit.requests']), interval_ms: numberOrText(values['rate_limit.interval_ms']) } : null,
    max_concurrency: numberOrText(values.max_concurrency) ?? null,
    access_rules: accessRulesOf(values),
  };
}

/**
 * Creates a deployment, or edits one. Credentials are write-only (see CredentialsEditor);
 * an edit is sent with the ETag it started from, so a change made meanwhile is not
 * overwritten unseen.
 */
export function DeploymentForm({ deployment, onDone }: { deployment?: Deployment; onDone(): void }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const services = useServiceChoices();
  const form = useCheckedForm({
    initial: () => valuesOf(deployment),
    schema: deployment ? requestSchema('PATCH /v1/deployments/{id}') : requestSchema('POST /v1/deployments'),
    toBody: bodyOf,
    extraProblems: (values) => mergeProblems(draftProblems(values.connection, null, 'connection'), credentialProblems(values.credentials, 'credentials')),
    send: (body) =>
      deployment
        ? orThrow(
            client.PATCH('/v1/deployments/{id}', {
              params: { path: { id: deployment.id } },
              headers: { 'If-Match': deployment.etag },
              body: body as RequestBody<'/v1/deployments/{id}', 'patch'>,
            }),
          )
        : orThrow(client.POST('/v1/deployments', { body: body as RequestBody<'/v1/deployments', 'post'> })),
    onSent: () => {
      void queryClient.invalidateQueries({ queryKey: ['deployments'] });
      void queryClient.invalidateQueries({ queryKey: ['deployment'] });
      if (!deployment) form.reset(valuesOf(undefined));
      onDone();
    },
  });
  return (
    <form className="form" ref={form.formRef} onSubmit={form.onSubmit} noValidate aria-label={deployment ? `Edit ${deployment.name}` : 'New deployment'}>
      <TextField form={form} path="name" label="Name" hint="lower-case letters, digits, _ . - (up to 100)" />
      <TextField form={form} path="description" label="Description" />
      <SelectField
        form={form}
        path="service_id"
        label="Service"
        placeholder="choose…"
        options={(services.data?.items ?? []).map((service) => ({ value: service.id, label: service.name }))}
      />
      <InputEditor form={form} path="connection" label="Connection" schema={null} />
      <p className="hint">Settings in clear (host, account…): no secrets here, they go in credentials.</p>
      <CredentialsEditor rows={form.values.credentials} onChange={(rows) => form.set('credentials', rows)} problemAt={form.problemAt} path="credentials" />
      <fieldset>
        <legend>Limits</legend>
        <div className="fields-row">
          <TextField form={form} path="rate_limit.requests" label="Requests at most" type="number" hint="empty: no rate limit" />
          <TextField form={form} path="rate_limit.interval_ms" label="Per (ms)" type="number" />
          <TextField form={form} path="max_concurrency" label="Runs at once at most" type="number" hint="empty: no limit" />
        </div>
      </fieldset>
      <fieldset>
        <legend>Access rules (beyond the role each route needs; admins always may)</legend>
        {OPERATIONS.map((operation) => (
          <div className="fields-row" key={operation}>
            <SelectField form={form} path={`access_rules.${operation}.min_role`} label={`${operation}: role at least`} options={ROLE_CHOICES} />
            <TextField form={form} path={`access_rules.${operation}.token_ids`} label={`${operation}: only these token ids`} hint="comma separated; empty: any token" />
          </div>
        ))}
      </fieldset>
      <FormActions form={form} label={deployment ? `Save ${deployment.name}` : 'Create deployment'} onCancel={deployment ? onDone : undefined} />
    </form>
  );
}
