import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orThrow, useClient } from '../api';
import { CopyButton, ErrorNote, Section } from '../components/bits';
import { ConfirmButton } from '../components/confirm';
import { Editable } from '../components/editable';
import { PagedCards } from '../components/paged-cards';
import { useMe } from '../me';
import { useGroupChoices } from '../queries';
import type { Recipient, RecipientGroup } from '../types';
import { GroupForm } from './group-form';
import { RecipientForm } from './recipient-form';

/** Recipients (people and systems notifications reach) and their groups. */
export function RecipientsView() {
  const client = useClient();
  const { canWrite } = useMe();
  return (
    <>
      <PagedCards
        title="Recipients"
        queryKey="recipients"
        empty="No recipients."
        fetchPage={(cursor, limit) => orThrow(client.GET('/v1/recipients', { params: { query: { limit, cursor } } }))}
        card={(recipient) => <RecipientCard recipient={recipient} />}
      />
      {canWrite && (
        <Section title="New recipient">
          <RecipientForm onDone={() => undefined} />
        </Section>
      )}
      <PagedCards
        title="Groups"
        queryKey="groups"
        empty="No groups."
        fetchPage={(cursor, limit) => orThrow(client.GET('/v1/groups', { params: { query: { limit, cursor } } }))}
        card={(group) => <GroupCard group={group} />}
      />
      {canWrite && (
        <Section title="New group">
          <GroupForm onDone={() => undefined} />
        </Section>
      )}
    </>
  );
}

/** Deleting one thing after a confirmation; the lists it was in refetch. */
function useRemoval(remove: () => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: remove,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['recipients'] });
      void queryClient.invalidateQueries({ queryKey: ['groups'] });
    },
  });
}

function RecipientCard({ recipient }: { recipient: Recipient }) {
  const client = useClient();
  const { canWrite } = useMe();
  const groups = useGroupChoices();
  const path = { params: { path: { id: recipient.id } } };
  const removal = useRemoval(() => orThrow(client.DELETE('/v1/recipients/{id}', path)));
  const rotation = useMutation({ mutationFn: () => orThrow(client.POST('/v1/recipients/{id}/webhook-secret', path)) });
  const groupNames = recipient.group_ids.map((id) => groups.data?.items.find((group) => group.id === id)?.name ?? id);
  return (
    <div data-recipient={recipient.name}>
      <Editable
        name={recipient.name}
        editable={canWrite}
        view={
          <>
            <h3>{recipient.name}</h3>
            <p>Channels: inbox{recipient.email ? `, e-mail ${recipient.email}` : ''}{recipient.webhook_url ? `, webhook ${recipient.webhook_url}` : ''}</p>
            <p>Groups: {groupNames.join(', ') || 'none'}</p>
          </>
        }
        form={(close) => <RecipientForm recipient={recipient} onDone={close} />}
      />
      <ErrorNote error={removal.error ?? rotation.error} />
      {canWrite && (
        <div className="row">
          {recipient.webhook_url && (
            <ConfirmButton
              label={`New webhook secret for ${recipient.name}`}
              question={`Make a new webhook signing secret for "${recipient.name}"? The current one stops working at once.`}
              confirmLabel="Make a new secret"
              onConfirm={() => rotation.mutate()}
            />
          )}
          <ConfirmButton
            label={`Delete ${recipient.name}`}
            question={`Delete the recipient "${recipient.name}" with its deliveries and inbox tokens?`}
            confirmLabel="Delete"
            onConfirm={() => removal.mutate()}
          />
        </div>
      )}
      {rotation.data && (
        <div className="secret" role="status">
          <p>The new webhook signing secret — shown once, copy it now:</p>
          <code data-secret="webhook">{rotation.data.webhook_secret}</code> <CopyButton text={rotation.data.webhook_secret} />
        </div>
      )}
    </div>
  );
}

function GroupCard({ group }: { group: RecipientGroup }) {
  const client = useClient();
  const { canWrite } = useMe();
  const removal = useRemoval(() => orThrow(client.DELETE('/v1/groups/{id}', { params: { path: { id: group.id } } })));
  return (
    <div data-group={group.name}>
      <Editable
        name={group.name}
        editable={canWrite}
        view={
          <>
            <h3>{group.name}</h3>
            {group.description && <p>{group.description}</p>}
            <p>Members: {group.member_count}</p>
          </>
        }
        form={(close) => <GroupForm group={group} onDone={close} />}
      />
      <ErrorNote error={removal.error} />
      {canWrite && (
        <ConfirmButton
          label={`Delete ${group.name}`}
          question={`Delete the group "${group.name}"? Its members stay; notifications already sent keep their deliveries.`}
          confirmLabel="Delete"
          onConfirm={() => removal.mutate()}
        />
      )}
    </div>
  );
}
