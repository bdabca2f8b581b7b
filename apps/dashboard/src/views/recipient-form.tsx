import { useQueryClient } from '@tanstack/react-query';
import { orThrow, useClient } from '../api';
import { CopyButton } from '../components/bits';
import { ChoiceList } from '../forms/choice-list';
import { FormActions, TextField } from '../forms/fields';
import { requestSchema } from '../forms/request-schema';
import { useCheckedForm } from '../forms/use-checked-form';
import { useGroupChoices } from '../queries';
import type { Recipient, RequestBody } from '../types';

type RecipientValues = {
  name: string;
  email: string;
  webhook_url: string;
  webhook_secret: string;
  group_ids: string[];
};

function valuesOf(recipient: Recipient | undefined): RecipientValues {
  return {
    name: recipient?.name ?? '',
    email: recipient?.email ?? '',
    webhook_url: recipient?.webhook_url ?? '',
    webhook_secret: '',
    group_ids: recipient?.group_ids ?? [],
  };
}

/** Empty channels are none (null clears one on an edit); the secret is sent only when typed. */
function bodyOf(values: RecipientValues) {
  return {
    name: values.name,
    email: values.email.trim() || null,
    webhook_url: values.webhook_url.trim() || null,
    ...(values.webhook_secret ? { webhook_secret: values.webhook_secret } : {}),
    group_ids: values.group_ids,
  };
}

/**
 * Creates a recipient, or edits one: the inbox is always there; e-mail and webhook are
 * channels. The webhook's signing secret is write-only: typed here it replaces the stored
 * one; left empty, the api makes one for a new webhook and it is shown once, below.
 */
export function RecipientForm({ recipient, onDone }: { recipient?: Recipient; onDone(): void }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const groups = useGroupChoices();
  const form = useCheckedForm({
    initial: () => valuesOf(recipient),
    schema: recipient ? requestSchema('PATCH /v1/recipients/{id}') : requestSchema('POST /v1/recipients'),
    toBody: bodyOf,
    send: (body) =>
      recipient
        ? orThrow(client.PATCH('/v1/recipients/{id}', { params: { path: { id: recipient.id } }, body: body as RequestBody<'/v1/recipients/{id}', 'patch'> }))
        : orThrow(client.POST('/v1/recipients', { body: body as RequestBody<'/v1/recipients', 'post'> })),
    onSent: (sent) => {
      void queryClient.invalidateQueries({ queryKey: ['recipients'] });
      void queryClient.invalidateQueries({ queryKey: ['groups'] });
      if (!recipient) form.reset(valuesOf(undefined));
      // an edit that made a secret stays open to show it once
      if (!sent.webhook_secret) onDone();
    },
  });
  const label = recipient ? `Edit ${recipient.name}` : 'New recipient';
  return (
    <form className="form" ref={form.formRef} onSubmit={form.onSubmit} noValidate aria-label={label}>
      <TextField form={form} path="name" label="Name" hint="a person or a system, unique" />
      <p className="hint">Inbox: always (read with a token bound to this recipient).</p>
      <TextField form={form} path="email" label="E-mail" type="text" hint="empty: no e-mail" autoComplete="off" />
      <TextField form={form} path="webhook_url" label="Webhook URL" type="url" hint="empty: no webhook" />
      {form.values.webhook_url.trim() !== '' && (
        <TextField
          form={form}
          path="webhook_secret"
          label="Webhook signing secret"
          type="password"
          autoComplete="new-password"
          hint={recipient?.webhook_url ? 'empty: keep the stored secret (never shown)' : 'empty: the api makes one and shows it once'}
        />
      )}
      <ChoiceList form={form} path="group_ids" legend="Groups" choices={groups.data?.items ?? []} empty="No groups yet." />
      <FormActions form={form} label={recipient ? `Save ${recipient.name}` : 'Create recipient'} onCancel={recipient ? onDone : undefined} />
      {form.result?.webhook_secret && (
        <div className="secret" role="status">
          <p>The webhook signing secret of "{form.result.name}" — shown once, copy it now:</p>
          <code data-secret="webhook">{form.result.webhook_secret}</code> <CopyButton text={form.result.webhook_secret} />
        </div>
      )}
    </form>
  );
}
