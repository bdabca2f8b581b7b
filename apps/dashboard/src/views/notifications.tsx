import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { orThrow, useClient } from '../api';
import { ErrorNote, formatTime, Section, StatusBadge } from '../components/bits';
import { NotificationContent } from '../components/notification-content';
import { PagedCards } from '../components/paged-cards';
import { Pager, useCursorPages } from '../components/pages';
import { useMe } from '../me';
import { useRecipientChoices } from '../queries';
import type { Notification } from '../types';
import { PublishForm } from './publish-form';

/** Delivery counts as one line: "3 delivered · 1 read · 0 confirmed · 0 expired of 4". */
function countsOf(deliveries: Notification['deliveries']): string {
  return `${deliveries.delivered} delivered · ${deliveries.read} read · ${deliveries.confirmed} confirmed · ${deliveries.expired} expired of ${deliveries.total}`;
}

export function NotificationsView() {
  const client = useClient();
  const { canWrite } = useMe();
  return (
    <>
      <PagedCards
        title="Notifications"
        queryKey="notifications"
        empty="No notifications."
        fetchPage={(cursor, limit) => orThrow(client.GET('/v1/notifications', { params: { query: { limit, cursor } } }))}
        card={(notification) => (
          <div data-notification={notification.title}>
            <div className="row spread">
              <h3>
                <Link href={`/notifications/${notification.id}`}>{notification.title}</Link>
              </h3>
              <StatusBadge status={notification.severity} />
            </div>
            <p>{countsOf(notification.deliveries)}</p>
            <p>
              {notification.requires_confirmation ? 'Needs confirmation · ' : ''}
              {formatTime(notification.created_at)}
            </p>
          </div>
        )}
      />
      {canWrite && (
        <Section title="Publish a notification">
          <PublishForm />
        </Section>
      )}
    </>
  );
}

/** One notification: what was said, each recipient's delivery and state, and its history in order. */
export function NotificationView({ id }: { id: string }) {
  const client = useClient();
  const path = { params: { path: { id } } };
  const notification = useQuery({ queryKey: ['notification', id], queryFn: () => orThrow(client.GET('/v1/notifications/{id}', path)) });
  const pages = useCursorPages(`deliveries-${id}`);
  const deliveries = useQuery({
    queryKey: ['notification', id, 'deliveries', pages.cursor],
    queryFn: () => orThrow(client.GET('/v1/notifications/{id}/deliveries', { params: { path: { id }, query: { limit: 50, cursor: pages.cursor } } })),
    placeholderData: (previous) => previous,
  });
  const history = useQuery({ queryKey: ['notification', id, 'history'], queryFn: () => orThrow(client.GET('/v1/notifications/{id}/history', path)) });
  const recipients = useRecipientChoices();
  const nameOf = (recipientId: string | null) => (recipientId ? (recipients.data?.items.find((r) => r.id === recipientId)?.name ?? recipientId) : '—');
  const data = notification.data;
  return (
    <>
      <p>
        <Link href="/notifications">← Notifications</Link>
      </p>
      <Section title={data?.title ?? 'Notification'}>
        <ErrorNote error={notification.error} />
        {data && (
          <>
            <dl className="facts">
              <dt>Severity</dt>
              <dd>
                <StatusBadge status={data.severity} />
              </dd>
              <dt>Deliveries</dt>
              <dd>{countsOf(data.deliveries)}</dd>
              <dt>Confirmation</dt>
              <dd>{data.requires_confirmation ? 'needed' : 'not needed'}</dd>
              <dt>Published</dt>
              <dd>{formatTime(data.created_at)}</dd>
              <dt>Expires</dt>
              <dd>{formatTime(data.expires_at)}</dd>
            </dl>
            <NotificationContent notification={data} />
          </>
        )}
      </Section>
      <Section title="Deliveries">
        <ErrorNote error={deliveries.error} />
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Deliveries (scrolls sideways)">
          <table>
            <thead>
              <tr>
                <th scope="col">Recipient</th>
                <th scope="col">State</th>
                <th scope="col">Delivered</th>
                <th scope="col">Read</th>
                <th scope="col">Confirmed</th>
              </tr>
            </thead>
            <tbody>
              {(deliveries.data?.items ?? []).map((delivery) => (
                <tr key={delivery.id} data-delivery={nameOf(delivery.recipient_id)}>
                  <td>
                    {nameOf(delivery.recipient_id)}
                    {delivery.reason === 'escalation' ? ' (escalation)' : ''}
                  </td>
                  <td>
                    <StatusBadge status={delivery.state} />
                  </td>
                  <td>{formatTime(delivery.delivered_at)}</td>
                  <td>{formatTime(delivery.read_at)}</td>
                  <td title={delivery.confirm_comment ?? undefined}>
                    {delivery.confirmed_at ? `${formatTime(delivery.confirmed_at)} by ${delivery.confirmed_by ?? '—'}${delivery.confirm_comment ? `: ${delivery.confirm_comment}` : ''}` : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {deliveries.data && deliveries.data.items.length === 0 && <p>No deliveries yet: a runner fans it out within moments.</p>}
        <Pager page={pages.page} nextCursor={deliveries.data?.next_cursor} onNext={pages.next} onPrevious={pages.previous} />
      </Section>
      <Section title="History">
        <ErrorNote error={history.error} />
        <ol className="timeline">
          {(history.data?.items ?? []).map((entry) => (
            <li key={entry.id}>
              <div className="row spread">
                <strong>{entry.kind.replaceAll('_', ' ')}</strong>
                <span>
                  {entry.recipient_id ? `${nameOf(entry.recipient_id)} · ` : ''}
                  {formatTime(entry.at)}
                </span>
              </div>
              {Object.keys(entry.detail).length > 0 && <p className="hint">{JSON.stringify(entry.detail)}</p>}
            </li>
          ))}
        </ol>
      </Section>
    </>
  );
}
