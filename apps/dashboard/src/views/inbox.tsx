import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { orThrow, useClient } from '../api';
import { ErrorNote, formatTime, Section, StatusBadge } from '../components/bits';
import { NotificationContent } from '../components/notification-content';
import { Pager, useCursorPages } from '../components/pages';
import { FormActions, TextAreaField } from '../forms/fields';
import { requestSchema } from '../forms/request-schema';
import { useCheckedForm } from '../forms/use-checked-form';
import { useMe } from '../me';
import type { Delivery } from '../types';

const FILTERS = [
  ['unread', 'Unread'],
  ['unconfirmed', 'To confirm'],
  ['all', 'All'],
] as const;
type Filter = (typeof FILTERS)[number][0];

/**
 * The inbox of the recipient the token is bound to (what such a token sees, and all it
 * sees): newest first, kept current by the inbox's own live stream.
 */
export function InboxView() {
  const client = useClient();
  const me = useMe();
  const [filter, setFilter] = useState<Filter>('unread');
  const pages = useCursorPages(`inbox-${filter}`);
  const inbox = useQuery({
    queryKey: ['inbox', filter, pages.cursor],
    queryFn: () => orThrow(client.GET('/v1/inbox', { params: { query: { filter, limit: 25, cursor: pages.cursor } } })),
    placeholderData: (previous) => previous,
  });
  return (
    <Section
      title={`Inbox of ${me.recipient?.name ?? me.name}`}
      actions={
        <div className="row" role="group" aria-label="Show">
          {FILTERS.map(([value, label]) => (
            <button key={value} type="button" aria-pressed={filter === value} onClick={() => setFilter(value)}>
              {label}
            </button>
          ))}
        </div>
      }
    >
      <ErrorNote error={inbox.error} />
      <ul className="cards">
        {(inbox.data?.items ?? []).map((delivery) => (
          <li key={delivery.id} className="card">
            <InboxItem delivery={delivery} />
          </li>
        ))}
        {inbox.data && inbox.data.items.length === 0 && <li>Nothing here.</li>}
      </ul>
      <Pager page={pages.page} nextCursor={inbox.data?.next_cursor} onNext={pages.next} onPrevious={pages.previous} />
    </Section>
  );
}

function InboxItem({ delivery }: { delivery: Delivery }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const path = { params: { path: { id: delivery.id } } };
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['inbox'] });
  const markRead = useMutation({ mutationFn: () => orThrow(client.POST('/v1/inbox/{id}/read', path)), onSuccess: refresh });
  const confirm = useCheckedForm({
    initial: { comment: '' },
    schema: requestSchema('POST /v1/inbox/{id}/confirm'),
    toBody: (values) => ({ comment: values.comment.trim() || null }),
    send: (body) => orThrow(client.POST('/v1/inbox/{id}/confirm', { ...path, body })),
    onSent: refresh,
  });
  const open = delivery.state === 'delivered' || delivery.state === 'read';
  return (
    <div data-delivery={delivery.title}>
      <div className="row spread">
        <h3>{delivery.title}</h3>
        <StatusBadge status={delivery.state} />
      </div>
      <p>
        <StatusBadge status={delivery.severity} /> {formatTime(delivery.delivered_at)}
        {delivery.reason === 'escalation' ? ' · escalated to you' : ''}
      </p>
      <NotificationContent notification={delivery} />
      {delivery.confirmed_at && (
        <p>
          Confirmed {formatTime(delivery.confirmed_at)} by {delivery.confirmed_by ?? '—'}
          {delivery.confirm_comment ? `: ${delivery.confirm_comment}` : ''}
        </p>
      )}
      <ErrorNote error={markRead.error} />
      {delivery.state === 'delivered' && (
        <button type="button" onClick={() => markRead.mutate()} disabled={markRead.isPending}>
          Mark {delivery.title} read
        </button>
      )}
      {delivery.requires_confirmation && open && (
        <form className="form" ref={confirm.formRef} onSubmit={confirm.onSubmit} noValidate aria-label={`Confirm ${delivery.title}`}>
          <TextAreaField form={confirm} path="comment" label="Comment" hint="optional, kept in the notification's history" rows={2} />
          <FormActions form={confirm} label={`Confirm ${delivery.title}`} />
        </form>
      )}
    </div>
  );
}
