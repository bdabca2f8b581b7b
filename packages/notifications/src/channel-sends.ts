import type { Sql, SqlExecutor } from '@interflow/core';
import { deliveredContentOf, type DeliveredContent, type DeliveredContentRow } from './delivered-content';
import { recordHistory } from './notification-history';

/** Everything a channel needs to send one message, read when the send is handled. */
export interface ChannelSend extends DeliveredContent {
  id: string;
  channel: 'email' | 'webhook';
  purpose: 'delivery' | 'reminder';
  state: 'pending' | 'sent' | 'dead';
  attempts: number;
  deliveryId: string;
  notificationId: string;
  recipientId: string;
  recipientName: string;
  email: string | null;
  webhookUrl: string | null;
}

interface ChannelSendRow extends DeliveredContentRow {
  id: string;
  channel: 'email' | 'webhook';
  purpose: 'delivery' | 'reminder';
  state: 'pending' | 'sent' | 'dead';
  attempts: number;
  delivery_id: string;
  notification_id: string;
  recipient_id: string;
  recipient_name: string;
  email: string | null;
  webhook_url: string | null;
}

/** The send with its delivery, notification and recipient; null when any of them was deleted. */
export async function getChannelSend(sql: SqlExecutor, sendId: string): Promise<ChannelSend | null> {
  const [row] = await sql<ChannelSendRow[]>`
    select s.id, s.channel, s.purpose, s.state, s.attempts, s.delivery_id, d.notification_id, d.recipient_id,
           r.name as recipient_name, r.email, r.webhook_url, n.title, n.body, n.severity, n.link, n.data,
           n.requires_confirmation, n.expires_at, d.delivered_at
    from notification_sends s
    join notification_deliveries d on d.id = s.delivery_id
    join notifications n on n.id = d.notification_id
    join recipients r on r.id = d.recipient_id
    where s.id = ${sendId}`;
  if (!row) return null;
  return {
    id: row.id,
    channel: row.channel,
    purpose: row.purpose,
    state: row.state,
    attempts: row.attempts,
    deliveryId: row.delivery_id,
    notificationId: row.notification_id,
    recipientId: row.recipient_id,
    recipientName: row.recipient_name,
    email: row.email,
    webhookUrl: row.webhook_url,
    ...deliveredContentOf(row),
  };
}

type SendOutcome = { kind: 'sent' } | { kind: 'failed'; error: string; willRetry: boolean };

/**
 * Records what one attempt of a send came to, with its history entry: `sent`, a failure
 * that will be retried (`send_failed`), or the last failure (`dead_lettered`, with the
 * reason). A send already settled is left as it is (a duplicate delivery of its message).
 */
export async function recordSendAttempt(sql: Sql, send: ChannelSend, attempt: number, outcome: SendOutcome, now: Date): Promise<void> {
  await sql.begin(async (tx) => {
    const state = outcome.kind === 'sent' ? 'sent' : outcome.willRetry ? 'pending' : 'dead';
    const error = outcome.kind === 'failed' ? outcome.error.slice(0, 2000) : null;
    const updated = await tx`
      update notification_sends set
        state = ${state}, attempts = greatest(attempts, ${attempt}), last_error = coalesce(${error}, last_error),
        sent_at = ${state === 'sent' ? now : null}, dead_at = ${state === 'dead' ? now : null}
      where id = ${send.id} and state = 'pending'`;
    if (updated.count === 0) return;
    const kind = state === 'sent' ? 'sent' : state === 'dead' ? 'dead_lettered' : 'send_failed';
    await recordHistory(tx, [
      {
        notificationId: send.notificationId,
        deliveryId: send.deliveryId,
        recipientId: send.recipientId,
        kind,
        detail: { channel: send.channel, purpose: send.purpose, attempt, ...(error ? { error } : {}), send_id: send.id },
        at: now,
      },
    ]);
  });
}

export interface SendRecord {
  id: string;
  deliveryId: string;
  recipientId: string;
  channel: 'email' | 'webhook';
  purpose: 'delivery' | 'reminder';
  state: 'pending' | 'sent' | 'dead';
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  deadAt: Date | null;
}

/** The channel sends of a notification (for its page and for tests). */
export async function listSends(sql: SqlExecutor, notificationId: string): Promise<SendRecord[]> {
  const rows = await sql<
    { id: string; delivery_id: string; recipient_id: string; channel: 'email' | 'webhook'; purpose: 'delivery' | 'reminder'; state: 'pending' | 'sent' | 'dead'; attempts: number; last_error: string | null; sent_at: Date | null; dead_at: Date | null }[]
  >`
    select s.id, s.delivery_id, d.recipient_id, s.channel, s.purpose, s.state, s.attempts, s.last_error, s.sent_at, s.dead_at
    from notification_sends s join notification_deliveries d on d.id = s.delivery_id
    where d.notification_id = ${notificationId}
    order by s.created_at, s.id`;
  return rows.map((row) => ({
    id: row.id,
    deliveryId: row.delivery_id,
    recipientId: row.recipient_id,
    channel: row.channel,
    purpose: row.purpose,
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    sentAt: row.sent_at,
    deadAt: row.dead_at,
  }));
}
