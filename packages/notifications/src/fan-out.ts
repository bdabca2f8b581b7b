import type { Broker } from '@interflow/broker';
import type { Clock, Sql, SqlExecutor } from '@interflow/core';
import { deliverTo, type PendingSend } from './deliver';
import { channelSendPublication } from './notification-messages';

/**
 * Turns a stored notification into its deliveries, in one transaction holding the
 * notification's row: a fan-out repeated (a redelivered message, the sweep of lost
 * ones) or run on two runners at once adds nothing. Returns the channel sends to queue.
 */
export async function fanOutNotification(sql: Sql, clock: Clock, notificationId: string): Promise<{ delivered: number; sends: PendingSend[] }> {
  return sql.begin(async (tx) => {
    const [notification] = await tx<{ recipient_ids: string[]; group_ids: string[]; fanned_out_at: Date | null }[]>`
      select recipient_ids, group_ids, fanned_out_at from notifications where id = ${notificationId} for update`;
    if (!notification || notification.fanned_out_at) return { delivered: 0, sends: [] };
    const now = clock.now();
    const outcome = await deliverTo(tx, {
      notificationId,
      recipientIds: notification.recipient_ids,
      groupIds: notification.group_ids,
      reason: 'addressed',
      at: now,
    });
    await tx`update notifications set fanned_out_at = ${now} where id = ${notificationId}`;
    return outcome;
  });
}

const QUEUE_BATCH = 500;

/**
 * Hands channel sends to the broker, then marks them queued. A crash in between leaves
 * them unmarked, and the sweep queues them again: the receiver may see a send twice,
 * with the same idempotency id (at-least-once).
 */
export async function queueSends(sql: Sql, broker: Broker, sends: PendingSend[], now: Date): Promise<void> {
  for (let start = 0; start < sends.length; start += QUEUE_BATCH) {
    const batch = sends.slice(start, start + QUEUE_BATCH);
    await broker.publishBatch(batch.map((send) => channelSendPublication(send.channel, send.id)));
    await sql`update notification_sends set queued_at = ${now} where id = any(${batch.map((send) => send.id)}::uuid[])`;
  }
}

/** Sends recorded more than `olderThanMs` ago and never queued (their queuing was interrupted). */
export async function unqueuedSends(sql: SqlExecutor, now: Date, olderThanMs: number, limit: number): Promise<PendingSend[]> {
  return sql<PendingSend[]>`
    select id, channel from notification_sends
    where queued_at is null and state = 'pending' and created_at <= ${new Date(now.getTime() - olderThanMs)}
    order by created_at limit ${limit}`;
}
