import type { TransactionalPublisher } from '@interflow/broker';
import type { Sql } from '@interflow/core';
import { createSends, deliverTo, type PendingSend } from './deliver';
import { recordHistory } from './notification-history';

/**
 * The time-driven part of confirmation, one transaction per step. Each step claims its
 * rows with `for no key update skip locked` and marks them in the same statement's
 * transaction, so with several runners sweeping at once every reminder, escalation and
 * expiry happens exactly once. Not `for update`: that lock also conflicts with the key
 * share a concurrent insert of a send or a history row takes on its delivery (foreign
 * key), so a delivery whose last email was being recorded was skipped until the next
 * sweep. The sends a step records are published on `publisher` in its transaction.
 * `now` comes from the caller's clock (tests drive it).
 */
const BATCH = 500;

/** Unconfirmed deliveries whose notification expired: `expired`, once. Unread ones of other notifications too. */
export async function expireDeliveries(sql: Sql, now: Date): Promise<number> {
  return sql.begin(async (tx) => {
    const expired = await tx<{ id: string; notification_id: string; recipient_id: string }[]>`
      update notification_deliveries d set state = 'expired', expired_at = ${now}
      where d.id in (
        select d2.id from notification_deliveries d2 join notifications n on n.id = d2.notification_id
        where n.expires_at <= ${now}
          and (d2.state = 'delivered' or (d2.state = 'read' and n.requires_confirmation))
        limit ${BATCH}
        for no key update of d2 skip locked)
      returning d.id, d.notification_id, d.recipient_id`;
    await recordHistory(
      tx,
      expired.map((row) => ({ notificationId: row.notification_id, deliveryId: row.id, recipientId: row.recipient_id, kind: 'expired' as const, at: now })),
    );
    return expired.length;
  });
}

/**
 * Reminds each recipient who has not confirmed `remind_after_ms` after delivery, and
 * again every `remind_after_ms` after the last reminder, up to the notification's
 * `max_reminders`, until confirmed or expired. The next reminder is timed from the last
 * one actually sent, so a sweep that was down does not fire a burst when it comes back.
 */
export async function remindUnconfirmed(sql: Sql, publisher: TransactionalPublisher, now: Date): Promise<PendingSend[]> {
  return sql.begin(async (tx) => {
    const due = await tx<{ id: string; notification_id: string; recipient_id: string; reminders: number; email: string | null; webhook_url: string | null }[]>`
      update notification_deliveries d set reminded_at = ${now}, reminders = d.reminders + 1
      from recipients r
      where r.id = d.recipient_id and d.id in (
        select d2.id from notification_deliveries d2 join notifications n on n.id = d2.notification_id
        where n.requires_confirmation and n.remind_after_ms is not null and d2.reminders < coalesce(n.max_reminders, 1)
          and d2.state in ('delivered', 'read')
          and coalesce(d2.reminded_at, d2.delivered_at) + n.remind_after_ms * interval '1 millisecond' <= ${now}
          and (n.expires_at is null or n.expires_at > ${now})
        limit ${BATCH}
        for no key update of d2 skip locked)
      returning d.id, d.notification_id, d.recipient_id, d.reminders, r.email, r.webhook_url`;
    await recordHistory(
      tx,
      due.map((row) => ({
        notificationId: row.notification_id,
        deliveryId: row.id,
        recipientId: row.recipient_id,
        kind: 'reminded' as const,
        detail: { reminder: row.reminders },
        at: now,
      })),
    );
    return createSends(
      tx,
      publisher,
      due.flatMap((row) => [
        ...(row.email ? [{ deliveryId: row.id, channel: 'email' as const, reminder: row.reminders }] : []),
        ...(row.webhook_url ? [{ deliveryId: row.id, channel: 'webhook' as const, reminder: row.reminders }] : []),
      ]),
      'reminder',
      now,
    );
  });
}

/**
 * Escalates (once per delivery) what its recipient has not confirmed `escalate_after_ms`
 * after delivery: the notification's escalation recipients and groups get it too (each
 * once, however many deliveries escalate to them). Escalated deliveries do not escalate again.
 */
export async function escalateUnconfirmed(sql: Sql, publisher: TransactionalPublisher, now: Date): Promise<PendingSend[]> {
  return sql.begin(async (tx) => {
    const due = await tx<{ id: string; notification_id: string; recipient_id: string; recipient_ids: string[]; group_ids: string[] }[]>`
      update notification_deliveries d set escalated_at = ${now}
      from notifications n
      where n.id = d.notification_id and d.id in (
        select d2.id from notification_deliveries d2 join notifications n2 on n2.id = d2.notification_id
        where n2.requires_confirmation and n2.escalate_after_ms is not null and d2.escalated_at is null
          and d2.reason = 'addressed' and d2.state in ('delivered', 'read')
          and d2.delivered_at + n2.escalate_after_ms * interval '1 millisecond' <= ${now}
          and (n2.expires_at is null or n2.expires_at > ${now})
        limit ${BATCH}
        for no key update of d2 skip locked)
      returning d.id, d.notification_id, d.recipient_id, n.escalate_recipient_ids as recipient_ids, n.escalate_group_ids as group_ids`;
    await recordHistory(
      tx,
      due.map((row) => ({
        notificationId: row.notification_id,
        deliveryId: row.id,
        recipientId: row.recipient_id,
        kind: 'escalated' as const,
        detail: { to: { recipients: row.recipient_ids, groups: row.group_ids } },
        at: now,
      })),
    );
    const sends: PendingSend[] = [];
    for (const notificationId of new Set(due.map((row) => row.notification_id))) {
      const row = due.find((candidate) => candidate.notification_id === notificationId);
      if (!row) continue;
      const outcome = await deliverTo(tx, publisher, { notificationId, recipientIds: row.recipient_ids, groupIds: row.group_ids, reason: 'escalation', at: now });
      sends.push(...outcome.sends);
    }
    return sends;
  });
}
