import { useLocation } from 'wouter';
import { orThrow, useClient } from '../api';
import { useMethodSchema } from '../queries';
import type { Action } from '../types';
import { FormActions } from './fields';
import { InputEditor } from './input-editor';
import { draftOf, draftProblems, type InputDraft } from './input-draft';
import { requestSchema } from './request-schema';
import { schemaProblems } from './schema-problems';
import { useCheckedForm } from './use-checked-form';

/**
 * Runs an action with an input checked against its method's JSON Schema. The input is
 * merged over the action's default input, so the check is of the merged input: a field
 * the defaults fill in need not be typed again. On success, the new run's page opens.
 */
export function RunForm({ action, initial, submitLabel, label }: { action: Action; initial: Record<string, unknown>; submitLabel: string; label: string }) {
  const client = useClient();
  const [, navigate] = useLocation();
  const schema = useMethodSchema(action.deployment_id, action.method);
  const form = useCheckedForm({
    initial: { input: draftOf(initial) },
    schema: requestSchema('POST /v1/actions/{id}/runs'),
    toBody: (values: { input: InputDraft }) => ({ input: values.input.value ?? {} }),
    extraProblems: ({ input }) =>
      input.value && schema ? schemaProblems({ ...action.default_input, ...input.value }, schema, { prefix: 'input' }) : draftProblems(input, null, 'input'),
    send: (body) => orThrow(client.POST('/v1/actions/{id}/runs', { params: { path: { id: action.id }, query: {} }, body })),
    onSent: (created) => navigate(`/runs/${created.id}`),
  });
  return (
    <form className="form" ref={form.formRef} onSubmit={form.onSubmit} noValidate aria-label={submitLabel}>
      <InputEditor form={form} path="input" label={label} schema={schema} partial />
      <FormActions form={form} label={submitLabel} />
    </form>
  );
}
