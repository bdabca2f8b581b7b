import { useQueryClient } from '@tanstack/react-query';
import { orThrow, useClient } from '../api';
import { FormActions, TextField } from '../forms/fields';
import { requestSchema } from '../forms/request-schema';
import { useCheckedForm } from '../forms/use-checked-form';
import type { RecipientGroup, RequestBody } from '../types';

type GroupValues = { name: string; description: string };

const valuesOf = (group: RecipientGroup | undefined): GroupValues => ({ name: group?.name ?? '', description: group?.description ?? '' });
const bodyOf = (values: GroupValues) => ({ name: values.name, description: values.description.trim() || null });

/** Creates a group of recipients, or renames one (members are chosen on each recipient). */
export function GroupForm({ group, onDone }: { group?: RecipientGroup; onDone(): void }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const form = useCheckedForm({
    initial: () => valuesOf(group),
    schema: group ? requestSchema('PATCH /v1/groups/{id}') : requestSchema('POST /v1/groups'),
    toBody: bodyOf,
    send: (body) =>
      group
        ? orThrow(client.PATCH('/v1/groups/{id}', { params: { path: { id: group.id } }, body: body as RequestBody<'/v1/groups/{id}', 'patch'> }))
        : orThrow(client.POST('/v1/groups', { body: body as RequestBody<'/v1/groups', 'post'> })),
    onSent: () => {
      void queryClient.invalidateQueries({ queryKey: ['groups'] });
      if (!group) form.reset(valuesOf(undefined));
      onDone();
    },
  });
  return (
    <form className="form" ref={form.formRef} onSubmit={form.onSubmit} noValidate aria-label={group ? `Edit ${group.name}` : 'New group'}>
      <TextField form={form} path="name" label="Group name" hint="unique, e.g. on-call" />
      <TextField form={form} path="description" label="Description" />
      <FormActions form={form} label={group ? `Save ${group.name}` : 'Create group'} onCancel={group ? onDone : undefined} />
    </form>
  );
}
