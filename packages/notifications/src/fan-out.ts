import type { TransactionalPublisher } from '@interflow/broker';
import type { Clock, Sql } from '@interflow/core';
import { deliverTo } from './deliver';

/**
 * Turns a stored notification into its deliveries, in one transaction holding the
 * notification's row: a fan-out repeated (a redelivered message) or run on two runners
 * at once adds nothing. The channel sends are recorded and their messages published on
 * `publisher` in the same transaction, so every recorded send has its message coming.
 */
export async function fanOutNotification(
  sql: Sql,
  clock: Clock,
  publisher: TransactionalPublisher,
  notificationId: string,
): Promise<{ delivered: number; sends: number }> {
  return sql.begin(async (tx) => {
    const [notification] = await tx<{ recipient_ids: string[]; group_ids: string[]; fanned_out_at: Date | null }[]>`
      select recipient_ids, group_ids, fanned_out_at from notifications where id = ${notificationId} for update`;
    if (!notification || notification.fanned_out_at) return { delivered: 0, sends: 0 };
    const now = clock.now();
    const outcome = await deliverTo(tx, publisher, {
      notificationId,
      recipientIds: notification.recipient_ids,
      groupIds: notification.group_ids,
      reason: 'addressed',
      at: now,
    });
    await tx`update notifications set fanned_out_at = ${now} where id = ${notificationId}`;
    return { delivered: outcome.delivered, sends: outcome.sends.length };
  });
}
