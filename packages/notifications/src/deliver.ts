import type { TransactionalPublisher, TransactionSql } from '@interflow/broker';
import { recordHistory } from './notification-history';
import { channelSendPublication } from './notification-messages';

export type DeliveryReason = 'addressed' | 'escalation';

/** A channel send, recorded and queued on the broker. */
export interface PendingSend {
  id: string;
  channel: 'email' | 'webhook';
}

/**
 * Gives a notification to these recipients (and the members of these groups), once
 * each: the (notification, recipient) key makes a recipient in two groups, in a group and
 * named directly, or reached again by a repeated fan-out or escalation, get it once. The
 * inbox delivery exists at once; e-mail and webhook sends are recorded for the channels
 * the recipient has and queued on `publisher`. Runs inside the caller's transaction, so
 * deliveries, sends and their messages commit together or not at all.
 */
export async function deliverTo(
  tx: TransactionSql,
  publisher: TransactionalPublisher,
  input: { notificationId: string; recipientIds: string[]; groupIds: string[]; reason: DeliveryReason; at: Date },
): Promise<{ delivered: number; sends: PendingSend[] }> {
  const delivered = await tx<{ id: string; recipient_id: string; email: string | null; webhook_url: string | null }[]>`
    with addressed as (
      select id from recipients where id = any(${input.recipientIds}::uuid[])
      union
      select recipient_id from recipient_group_members where group_id = any(${input.groupIds}::uuid[])
    ), inserted as (
      insert into notification_deliveries (notification_id, recipient_id, reason, state, delivered_at)
      select ${input.notificationId}, id, ${input.reason}, 'delivered', ${input.at} from addressed
      on conflict (notification_id, recipient_id) do nothing
      returning id, recipient_id
    )
    select i.id, i.recipient_id, r.email, r.webhook_url from inserted i join recipients r on r.id = i.recipient_id`;
  if (delivered.length === 0) return { delivered: 0, sends: [] };
  await recordHistory(
    tx,
    delivered.map((row) => ({
      notificationId: input.notificationId,
      deliveryId: row.id,
      recipientId: row.recipient_id,
      kind: 'delivered' as const,
      detail: { reason: input.reason },
      at: input.at,
    })),
  );
  const sends = await createSends(
    tx,
    publisher,
    delivered.flatMap((row) => [
      ...(row.email ? [{ deliveryId: row.id, channel: 'email' as const }] : []),
      ...(row.webhook_url ? [{ deliveryId: row.id, channel: 'webhook' as const }] : []),
    ]),
    'delivery',
    input.at,
  );
  return { delivered: delivered.length, sends };
}

/**
 * Records channel sends (one per delivery, channel, purpose and reminder number, whatever is repeated)
 * and publishes their messages in the caller's transaction: a send is queued exactly
 * when it is recorded.
 */
export async function createSends(
  tx: TransactionSql,
  publisher: TransactionalPublisher,
  sends: { deliveryId: string; channel: 'email' | 'webhook'; reminder?: number }[],
  purpose: 'delivery' | 'reminder',
  at: Date,
): Promise<PendingSend[]> {
  if (sends.length === 0) return [];
  const created = await tx<PendingSend[]>`
    insert into notification_sends (delivery_id, channel, purpose, reminder, state, created_at, queued_at)
    select unnest(${sends.map((s) => s.deliveryId)}::uuid[]), unnest(${sends.map((s) => s.channel)}::text[]), ${purpose},
           unnest(${sends.map((s) => s.reminder ?? 0)}::int[]), 'pending', ${at}, ${at}
    on conflict (delivery_id, channel, purpose, reminder) do nothing
    returning id, channel`;
  for (let start = 0; start < created.length; start += PUBLISH_BATCH) {
    await publisher.publishWithin(tx, created.slice(start, start + PUBLISH_BATCH).map((send) => channelSendPublication(send.channel, send.id)));
  }
  return created;
}

const PUBLISH_BATCH = 500;
