import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { orThrow, useClient } from '../api';
import { ConfirmButton } from '../components/confirm';
import { CopyButton, ErrorNote, formatTime, Section } from '../components/bits';
import { Pager, useCursorPages } from '../components/pages';
import { ChoiceList } from '../forms/choice-list';
import { FormActions, SelectField, TextField } from '../forms/fields';
import { requestSchema } from '../forms/request-schema';
import type { Problems } from '../forms/schema-problems';
import { useCheckedForm } from '../forms/use-checked-form';
import { useDeploymentChoices, useRecipientChoices } from '../queries';
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
                    {token.recipient_id ? ' (inbox)' : ''}
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
  recipient_id: string;
  expires_at: string;
};

const NEW_TOKEN: TokenValues = { name: '', role: 'viewer', scope: 'all', deployment_scopes: [], recipient_id: '', expires_at: '' };

/** An inbox token is a viewer bound to one recipient: it reads and confirms that inbox and nothing else. */
function tokenBody(values: TokenValues) {
  const inbox = values.scope === 'inbox';
  return {
    name: values.name,
    role: inbox ? 'viewer' : values.role,
    deployment_scopes: values.scope === 'some' ? values.deployment_scopes : null,
    ...(inbox ? { recipient_id: values.recipient_id } : {}),
    expires_at: values.expires_at ? new Date(values.expires_at).toISOString() : null,
  };
}

/** A new token: its secret is shown once, with a copy button. */
function CreateToken() {
  const client = useClient();
  const queryClient = useQueryClient();
  const deployments = useDeploymentChoices();
  const recipients = useRecipientChoices();
  const form = useCheckedForm({
    initial: NEW_TOKEN,
    schema: requestSchema('POST /v1/tokens'),
    toBody: tokenBody,
    extraProblems: (values): Problems =>
      new Map([
        ...(values.scope === 'some' && values.deployment_scopes.length === 0 ? [['deployment_scopes', 'choose at least one deployment'] as const] : []),
        ...(values.scope === 'inbox' && !values.recipient_id ? [['recipient_id', 'choose the recipient'] as const] : []),
      ]),
    send: (body) => orThrow(client.POST('/v1/tokens', { body: body as RequestBody<'/v1/tokens', 'post'> })),
    onSent: () => {
      form.reset(NEW_TOKEN);
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  return (
    <Section title="New token">
      <form className="form" ref={form.formRef} onSubmit={form.onSubmit} noValidate aria-label="New token">
        <TextField form={form} path="name" label="Name" hint="who or what uses it" />
        <SelectField
          form={form}
          path="scope"
          label="What it reaches"
          options={[
            { value: 'all', label: 'every deployment' },
            { value: 'some', label: 'only the deployments chosen below' },
            { value: 'inbox', label: "one recipient's inbox, nothing else" },
          ]}
        />
        {form.values.scope !== 'inbox' && <SelectField form={form} path="role" label="Role" options={ROLES.map((role) => ({ value: role, label: role }))} />}
        {form.values.scope === 'some' && <ChoiceList form={form} path="deployment_scopes" legend="Deployments" choices={deployments.data?.items ?? []} />}
        {form.values.scope === 'inbox' && (
          <SelectField
            form={form}
            path="recipient_id"
            label="Recipient"
            placeholder="choose…"
            options={(recipients.data?.items ?? []).map((recipient) => ({ value: recipient.id, label: recipient.name }))}
          />
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
