import type { SqlExecutor } from '@interflow/core';
import { recordHistory } from './notification-history';

export type DeliveryReason = 'addressed' | 'escalation';

/** A channel send waiting to be queued on the broker. */
export interface PendingSend {
  id: string;
  channel: 'email' | 'webhook';
}

/**
 * Gives a notification to these recipients (and the members of these groups), once
 * each: the (notification, recipient) key makes a recipient in two groups, in a group and
 * named directly, or reached again by a repeated fan-out or escalation, get it once. The
 * inbox delivery exists at once; e-mail and webhook sends are recorded for the channels
 * the recipient has, to be queued by the caller after commit. Runs inside the caller's
 * transaction.
 */
export async function deliverTo(
  tx: SqlExecutor,
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
    delivered.flatMap((row) => [
      ...(row.email ? [{ deliveryId: row.id, channel: 'email' as const }] : []),
      ...(row.webhook_url ? [{ deliveryId: row.id, channel: 'webhook' as const }] : []),
    ]),
    'delivery',
    input.at,
  );
  return { delivered: delivered.length, sends };
}

/** Records channel sends (one per delivery, channel and purpose, whatever is repeated). */
export async function createSends(
  tx: SqlExecutor,
  sends: { deliveryId: string; channel: 'email' | 'webhook' }[],
  purpose: 'delivery' | 'reminder',
  at: Date,
): Promise<PendingSend[]> {
  if (sends.length === 0) return [];
  return tx<PendingSend[]>`
    insert into notification_sends (delivery_id, channel, purpose, state, created_at)
    select unnest(${sends.map((s) => s.deliveryId)}::uuid[]), unnest(${sends.map((s) => s.channel)}::text[]), ${purpose}, 'pending', ${at}
    on conflict (delivery_id, channel, purpose) do nothing
    returning id, channel`;
}
