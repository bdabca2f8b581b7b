import { useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { orThrow, useClient } from '../api';
import { ChoiceList } from '../forms/choice-list';
import { CheckField, FormActions, numberOrText, SelectField, TextAreaField, TextField } from '../forms/fields';
import { requestSchema } from '../forms/request-schema';
import type { Problems } from '../forms/schema-problems';
import { useCheckedForm } from '../forms/use-checked-form';
import { useGroupChoices, useRecipientChoices } from '../queries';
import type { RequestBody } from '../types';

export const SEVERITIES = ['info', 'warning', 'error', 'critical'] as const;

/** Keys are the body's dotted paths, so the schema's problems and the api's land on them. */
type PublishValues = {
  title: string;
  text: string;
  severity: string;
  link: string;
  'to.recipients': string[];
  'to.groups': string[];
  requires_confirmation: boolean;
  expires_at: string;
  dedupe_key: string;
  'confirmation.remind_after_ms': string;
  'confirmation.escalate_after_ms': string;
  'confirmation.escalate_to.groups': string[];
};

const NEW_NOTIFICATION = (): PublishValues => ({
  title: '',
  text: '',
  severity: 'info',
  link: '',
  'to.recipients': [],
  'to.groups': [],
  requires_confirmation: false,
  expires_at: '',
  dedupe_key: '',
  'confirmation.remind_after_ms': '',
  'confirmation.escalate_after_ms': '',
  'confirmation.escalate_to.groups': [],
});

function publishBody(values: PublishValues) {
  const remind = numberOrText(values['confirmation.remind_after_ms']);
  const escalate = numberOrText(values['confirmation.escalate_after_ms']);
  const escalateTo = values['confirmation.escalate_to.groups'];
  const confirming = values.requires_confirmation && (remind !== undefined || escalate !== undefined || escalateTo.length > 0);
  return {
    title: values.title,
    text: values.text,
    severity: values.severity,
    link: values.link.trim() || null,
    to: { recipients: values['to.recipients'], groups: values['to.groups'] },
    requires_confirmation: values.requires_confirmation,
    expires_at: values.expires_at ? new Date(values.expires_at).toISOString() : null,
    dedupe_key: values.dedupe_key.trim() || null,
    ...(confirming ? { confirmation: { remind_after_ms: remind ?? null, escalate_after_ms: escalate ?? null, escalate_to: { recipients: [], groups: escalateTo } } } : {}),
  };
}

/** Publishes a notification: one delivery per recipient, reached directly or through groups (once). */
export function PublishForm() {
  const client = useClient();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const recipients = useRecipientChoices();
  const groups = useGroupChoices();
  const form = useCheckedForm({
    initial: NEW_NOTIFICATION,
    schema: requestSchema('POST /v1/notifications'),
    toBody: publishBody,
    extraProblems: (values): Problems =>
      new Map(values['to.recipients'].length + values['to.groups'].length === 0 ? [['to.recipients', 'choose at least one recipient or group'] as const] : []),
    send: (body) => orThrow(client.POST('/v1/notifications', { body: body as RequestBody<'/v1/notifications', 'post'> })),
    onSent: (notification) => {
      form.reset(NEW_NOTIFICATION());
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      navigate(`/notifications/${notification.id}`);
    },
  });
  return (
    <form className="form" ref={form.formRef} onSubmit={form.onSubmit} noValidate aria-label="Publish a notification">
      <TextField form={form} path="title" label="Title" />
      <TextAreaField form={form} path="text" label="Text" />
      <SelectField form={form} path="severity" label="Severity" options={SEVERITIES.map((severity) => ({ value: severity, label: severity }))} />
      <TextField form={form} path="link" label="Link" type="url" hint="optional, http(s)" />
      <div className="two">
        <ChoiceList form={form} path="to.recipients" legend="To recipients" choices={recipients.data?.items ?? []} empty="No recipients yet." />
        <ChoiceList form={form} path="to.groups" legend="To groups" choices={groups.data?.items ?? []} empty="No groups yet." />
      </div>
      <CheckField form={form} path="requires_confirmation" label="Each recipient must confirm it" />
      {form.values.requires_confirmation && (
        <fieldset>
          <legend>While unconfirmed</legend>
          <div className="fields-row">
            <TextField form={form} path="confirmation.remind_after_ms" label="Remind after (ms)" type="number" hint="empty: no reminder" />
            <TextField form={form} path="confirmation.escalate_after_ms" label="Escalate after (ms)" type="number" hint="empty: no escalation" />
          </div>
          <ChoiceList form={form} path="confirmation.escalate_to.groups" legend="Escalate to groups" choices={groups.data?.items ?? []} empty="No groups yet." />
        </fieldset>
      )}
      <TextField form={form} path="expires_at" label="Expires" type="datetime-local" hint="empty: never" />
      <TextField form={form} path="dedupe_key" label="Dedupe key" hint="a key already used publishes nothing again" />
      <FormActions form={form} label="Publish" />
    </form>
  );
}
