import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { orThrow, useClient } from '../api';
import { ConfirmButton } from '../components/confirm';
import { CopyButton, ErrorNote, formatTime, Section } from '../components/bits';
import { Pager, useCursorPages } from '../components/pages';
import { FormActions, SelectField, TextField } from '../forms/fields';
import { requestSchema } from '../forms/request-schema';
import type { Problems } from '../forms/schema-problems';
import { useCheckedForm } from '../forms/use-checked-form';
import { useDeploymentChoices } from '../queries';
import type { RequestBody } from '../types';

const ROLES = ['viewer', 'operator', 'admin'] as const;

export function TokensView() {
  const client = useClient();
  const queryClient = useQueryClient();
  const pages = useCursorPages('tokens');
  const tokens = useQuery({
    queryKey: ['tokens', pages.cursor],
    queryFn: () => orThrow(client.GET('/v1/tokens', { params: { query: { limit: 25, cursor: pages.cursor } } })),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => orThrow(client.DELETE('/v1/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
  return (
    <>
      <Section title="Tokens">
        <ErrorNote error={tokens.error ?? revoke.error} />
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Table (scrolls sideways)">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Prefix</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="sr-only">Revoke</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(tokens.data?.items ?? []).map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>
                    {token.role}
                    {token.deployment_scopes ? ' (scoped)' : ''}
                  </td>
                  <td>
                    <code>{token.prefix}</code>
                  </td>
                  <td>{formatTime(token.last_used_at)}</td>
                  <td>
                    <ConfirmButton
                      label={`Revoke ${token.name}`}
                      question={`Revoke the token "${token.name}"? Anything using it stops working at once.`}
                      confirmLabel="Revoke"
                      onConfirm={() => revoke.mutate(token.id)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager page={pages.page} nextCursor={tokens.data?.next_cursor} onNext={pages.next} onPrevious={pages.previous} />
      </Section>
      <CreateToken />
    </>
  );
}

type TokenValues = {
  name: string;
  role: string;
  scope: string;
  deployment_scopes: string[];
  expires_at: string;
};

const NEW_TOKEN: TokenValues = { name: '', role: 'viewer', scope: 'all', deployment_scopes: [], expires_at: '' };

function tokenBody(values: TokenValues) {
  return {
    name: values.name,
    role: values.role,
    deployment_scopes: values.scope === 'some' ? values.deployment_scopes : null,
    expires_at: values.expires_at ? new Date(values.expires_at).toISOString() : null,
  };
}

/** A new token: its secret is shown once, with a copy button. */
function CreateToken() {
  const client = useClient();
  const queryClient = useQueryClient();
  const deployments = useDeploymentChoices();
  const form = useCheckedForm({
    initial: NEW_TOKEN,
    schema: requestSchema('POST /v1/tokens'),
    toBody: tokenBody,
    extraProblems: (values): Problems =>
      new Map(values.scope === 'some' && values.deployment_scopes.length === 0 ? [['deployment_scopes', 'choose at least one deployment']] : []),
    send: (body) => orThrow(client.POST('/v1/tokens', { body: body as RequestBody<'/v1/tokens', 'post'> })),
    onSent: () => {
      form.reset(NEW_TOKEN);
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const chosen = new Set(form.values.deployment_scopes);
  return (
    <Section title="New token">
      <form className="form" ref={form.formRef} onSubmit={form.onSubmit} noValidate aria-label="New token">
        <TextField form={form} path="name" label="Name" hint="who or what uses it" />
        <SelectField form={form} path="role" label="Role" options={ROLES.map((role) => ({ value: role, label: role }))} />
        <SelectField
          form={form}
          path="scope"
          label="Deployments it reaches"
          options={[
            { value: 'all', label: 'all of them' },
            { value: 'some', label: 'only those chosen below' },
          ]}
        />
        {form.values.scope === 'some' && (
          <fieldset aria-describedby="scope-problem">
            <legend>Deployments</legend>
            {(deployments.data?.items ?? []).map((deployment) => (
              <label key={deployment.id} className="check-label">
                <input
                  type="checkbox"
                  checked={chosen.has(deployment.id)}
                  onChange={(event) =>
                    form.set('deployment_scopes', event.target.checked ? [...chosen, deployment.id] : [...chosen].filter((id) => id !== deployment.id))
                  }
                />{' '}
                {deployment.name}
              </label>
            ))}
            <p className="problem" id="scope-problem">
              {form.problemAt('deployment_scopes') ? `Deployments: ${form.problemAt('deployment_scopes')}` : ''}
            </p>
          </fieldset>
        )}
        <TextField form={form} path="expires_at" label="Expires" type="datetime-local" hint="empty: never (revoke it when done)" />
        <FormActions form={form} label="Create token" />
      </form>
      {form.result && (
        <div className="secret" role="status">
          <p>The token "{form.result.name}" — shown once, copy it now:</p>
          <code data-secret="token">{form.result.token}</code> <CopyButton text={form.result.token} />
        </div>
      )}
    </Section>
  );
}
