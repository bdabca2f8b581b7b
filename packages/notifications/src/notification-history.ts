import { jsonParam, NotFoundError, type Sql, type SqlExecutor } from '@interflow/core';

/**
 * What happened to a notification, in order: published, delivered (per recipient),
 * read, confirmed, expired, reminded, escalated, and each channel send (sent, failed,
 * dead-lettered). Every row is also an event for the recipient's live inbox stream (a
 * trigger writes it in the same transaction).
 */
export const HISTORY_KINDS = [
  'published',
  'delivered',
  'read',
  'confirmed',
  'expired',
  'reminded',
  'escalated',
  'sent',
  'send_failed',
  'dead_lettered',
] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export interface HistoryEntry {
  notificationId: string;
  deliveryId?: string | null;
  recipientId?: string | null;
  kind: HistoryKind;
  detail?: Record<string, unknown>;
  at: Date;
}

export interface RecordedHistoryEntry extends Required<HistoryEntry> {
  id: string;
}

/** Appends entries in one statement (one trigger run writes their events). */
export async function recordHistory(sql: SqlExecutor, entries: HistoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => ({
    notification_id: entry.notificationId,
    delivery_id: entry.deliveryId ?? null,
    recipient_id: entry.recipientId ?? null,
    kind: entry.kind,
    detail: entry.detail ?? {},
    at: entry.at,
  }));
  await sql`
    insert into notification_history (notification_id, delivery_id, recipient_id, kind, detail, at)
    select notification_id, delivery_id, recipient_id, kind, detail, at
    from jsonb_to_recordset(${jsonParam(sql, rows)})
      as entry(notification_id uuid, delivery_id uuid, recipient_id uuid, kind text, detail jsonb, at timestamptz)`;
}

interface HistoryRow {
  id: string;
  notification_id: string;
  delivery_id: string | null;
  recipient_id: string | null;
  kind: HistoryKind;
  detail: Record<string, unknown>;
  at: Date;
}

/** A notification's history, oldest first, optionally only what concerns one recipient. */
export async function notificationHistory(
  sql: Sql,
  notificationId: string,
  options: { recipientId?: string; afterId?: string; limit: number },
): Promise<RecordedHistoryEntry[]> {
  const [exists] = await sql`select 1 from notifications where id = ${notificationId}`;
  if (!exists) throw new NotFoundError('notification', notificationId);
  const rows = await sql<HistoryRow[]>`
    select id::text, notification_id, delivery_id, recipient_id, kind, detail, at from notification_history
    where notification_id = ${notificationId} and id > ${options.afterId ?? '0'}
      ${options.recipientId ? sql`and (recipient_id = ${options.recipientId} or recipient_id is null)` : sql``}
    order by id limit ${options.limit}`;
  return rows.map((row) => ({
    id: row.id,
    notificationId: row.notification_id,
    deliveryId: row.delivery_id,
    recipientId: row.recipient_id,
    kind: row.kind,
    detail: row.detail,
    at: row.at,
  }));
}
