import {
  ConflictError,
  keysetPage,
  NotFoundError,
  type Clock,
  type KeysetPage,
  type KeysetRequest,
  type Sql,
  type SqlExecutor,
} from '@interflow/core';
import { deliveredContentOf, type DeliveredContent, type DeliveredContentRow } from './delivered-content';
import { recordHistory } from './notification-history';

export const DELIVERY_STATES = ['delivered', 'read', 'confirmed', 'expired'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** One notification as one recipient has it. */
export interface Delivery extends DeliveredContent {
  id: string;
  notificationId: string;
  recipientId: string;
  reason: 'addressed' | 'escalation';
  state: DeliveryState;
  readAt: Date | null;
  confirmedAt: Date | null;
  confirmedBy: string | null;
  confirmComment: string | null;
  expiredAt: Date | null;
  remindedAt: Date | null;
  escalatedAt: Date | null;
}

interface DeliveryRow extends DeliveredContentRow {
  seq: string;
  id: string;
  notification_id: string;
  recipient_id: string;
  reason: 'addressed' | 'escalation';
  state: DeliveryState;
  read_at: Date | null;
  confirmed_at: Date | null;
  confirmed_by: string | null;
  confirm_comment: string | null;
  expired_at: Date | null;
  reminded_at: Date | null;
  escalated_at: Date | null;
}

function present(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    notificationId: row.notification_id,
    recipientId: row.recipient_id,
    reason: row.reason,
    state: row.state,
    ...deliveredContentOf(row),
    readAt: row.read_at,
    confirmedAt: row.confirmed_at,
    confirmedBy: row.confirmed_by,
    confirmComment: row.confirm_comment,
    expiredAt: row.expired_at,
    remindedAt: row.reminded_at,
    escalatedAt: row.escalated_at,
  };
}

const selectDeliveries = (sql: SqlExecutor) => sql`
  select d.*, n.title, n.body, n.severity, n.link, n.data, n.requires_confirmation, n.expires_at
  from notification_deliveries d join notifications n on n.id = d.notification_id`;

/** What an inbox lists: `unread` (delivered, not yet read), `unconfirmed` (needs confirmation, still open), `all`. */
export type InboxFilter = 'unread' | 'unconfirmed' | 'all';

/** A recipient's inbox, newest first. */
export async function listInbox(sql: Sql, recipientId: string, request: KeysetRequest & { filter: InboxFilter }): Promise<KeysetPage<Delivery>> {
  const filter =
    request.filter === 'unread'
      ? sql`and d.state = 'delivered'`
      : request.filter === 'unconfirmed'
        ? sql`and n.requires_confirmation and d.state in ('delivered', 'read')`
        : sql``;
  const rows = await sql<DeliveryRow[]>`
    ${selectDeliveries(sql)}
    where d.recipient_id = ${recipientId} and d.seq < ${request.after ?? '9223372036854775807'} ${filter}
    order by d.seq desc limit ${request.limit + 1}`;
  return keysetPage(rows, request.limit, present);
}

/** The deliveries of one notification, in delivery order. */
export async function listDeliveries(sql: Sql, notificationId: string, request: KeysetRequest & { state?: DeliveryState }): Promise<KeysetPage<Delivery>> {
  const [exists] = await sql`select 1 from notifications where id = ${notificationId}`;
  if (!exists) throw new NotFoundError('notification', notificationId);
  const rows = await sql<DeliveryRow[]>`
    ${selectDeliveries(sql)}
    where d.notification_id = ${notificationId} and d.seq > ${request.after ?? '0'}
      ${request.state ? sql`and d.state = ${request.state}` : sql``}
    order by d.seq limit ${request.limit + 1}`;
  return keysetPage(rows, request.limit, present);
}

/** One delivery of a recipient's inbox (404 for another recipient's: an inbox cannot learn of others). */
export async function getInboxDelivery(sql: SqlExecutor, recipientId: string, deliveryId: string): Promise<Delivery> {
  const [row] = await sql<DeliveryRow[]>`${selectDeliveries(sql)} where d.id = ${deliveryId} and d.recipient_id = ${recipientId}`;
  if (!row) throw new NotFoundError('delivery', deliveryId);
  return present(row);
}

async function lockOpenDelivery(tx: SqlExecutor, recipientId: string, deliveryId: string, now: Date): Promise<Delivery> {
  const [row] = await tx<DeliveryRow[]>`${selectDeliveries(tx)} where d.id = ${deliveryId} and d.recipient_id = ${recipientId} for update of d`;
  if (!row) throw new NotFoundError('delivery', deliveryId);
  const delivery = present(row);
  const lapsed = delivery.expiresAt !== null && delivery.expiresAt.getTime() <= now.getTime() && delivery.state !== 'confirmed';
  if (delivery.state === 'expired' || (lapsed && (delivery.state === 'delivered' || delivery.requiresConfirmation))) {
    throw new ConflictError(`the notification expired at ${delivery.expiresAt?.toISOString()}`, { state: 'expired' });
  }
  return delivery;
}

/** Marks a delivery read (once; reading again changes nothing). */
export async function markDeliveryRead(sql: Sql, clock: Clock, recipientId: string, deliveryId: string): Promise<Delivery> {
  await sql.begin(async (tx) => {
    const now = clock.now();
    const delivery = await lockOpenDelivery(tx, recipientId, deliveryId, now);
    if (delivery.readAt) return;
    await tx`
      update notification_deliveries
      set read_at = ${now}, state = case when state = 'delivered' then 'read' else state end
      where id = ${deliveryId}`;
    await recordHistory(tx, [{ notificationId: delivery.notificationId, deliveryId, recipientId, kind: 'read', at: now }]);
  });
  return getInboxDelivery(sql, recipientId, deliveryId);
}

/**
 * Confirms a delivery that asks for it, with who did and an optional comment (once:
 * confirming again answers the first confirmation). A notification without
 * `requires_confirmation`, or one that expired, is a 409.
 */
export async function confirmDelivery(
  sql: Sql,
  clock: Clock,
  recipientId: string,
  deliveryId: string,
  confirmation: { by: string; comment: string | null },
): Promise<Delivery> {
  await sql.begin(async (tx) => {
    const now = clock.now();
    const [peek] = await tx<{ state: DeliveryState }[]>`select state from notification_deliveries where id = ${deliveryId} and recipient_id = ${recipientId}`;
    if (peek?.state === 'confirmed') return;
    const delivery = await lockOpenDelivery(tx, recipientId, deliveryId, now);
    if (!delivery.requiresConfirmation) {
      throw new ConflictError('this notification does not ask for confirmation; mark it read instead', { requires_confirmation: false });
    }
    await tx`
      update notification_deliveries
      set state = 'confirmed', confirmed_at = ${now}, confirmed_by = ${confirmation.by}, confirm_comment = ${confirmation.comment},
          read_at = coalesce(read_at, ${now})
      where id = ${deliveryId}`;
    await recordHistory(tx, [
      {
        notificationId: delivery.notificationId,
        deliveryId,
        recipientId,
        kind: 'confirmed',
        detail: { by: confirmation.by, ...(confirmation.comment ? { comment: confirmation.comment } : {}) },
        at: now,
      },
    ]);
  });
  return getInboxDelivery(sql, recipientId, deliveryId);
}
