import {
  jsonParam,
  keysetPage,
  NotFoundError,
  ValidationError,
  type Clock,
  type KeysetPage,
  type KeysetRequest,
  type Sql,
  type SqlExecutor,
} from '@interflow/core';
import type { TransactionalPublisher } from '@interflow/broker';
import { recordHistory } from './notification-history';
import { fanOutPublication } from './notification-messages';

export const SEVERITIES = ['info', 'warning', 'error', 'critical'] as const;

/** Reminders per delivery when the publisher names no limit: enough to be heard, too few to be spam (docs/decisions.md). */
export const DEFAULT_MAX_REMINDERS = 3;
export type Severity = (typeof SEVERITIES)[number];

export interface Addressees {
  recipientIds: string[];
  groupIds: string[];
}

/** What a publisher says. */
export interface NotificationDraft {
  title: string;
  body: string;
  severity: Severity;
  link?: string | null;
  data?: unknown;
  to: Addressees;
  requiresConfirmation: boolean;
  expiresAt?: Date | null;
  /** A second publish with the same key returns the first notification and delivers nothing. */
  dedupeKey?: string | null;
  /** Unconfirmed this long after delivery (and after each reminder): the recipient is reminded again. */
  remindAfterMs?: number | null;
  /** At most this many reminders per delivery (default DEFAULT_MAX_REMINDERS when reminding). */
  maxReminders?: number | null;
  /** Unconfirmed after this long: `escalateTo` get it as well. */
  escalateAfterMs?: number | null;
  escalateTo?: Addressees;
  /** Who publishes: `token:<id>`, `action:<id>`. */
  source: string;
}

export interface DeliveryCounts {
  total: number;
  delivered: number;
  read: number;
  confirmed: number;
  expired: number;
}

export interface Notification {
  id: string;
  title: string;
  body: string;
  severity: Severity;
  link: string | null;
  data: unknown;
  to: Addressees;
  requiresConfirmation: boolean;
  expiresAt: Date | null;
  dedupeKey: string | null;
  remindAfterMs: number | null;
  maxReminders: number | null;
  escalateAfterMs: number | null;
  escalateTo: Addressees;
  source: string;
  createdAt: Date;
  fannedOutAt: Date | null;
  deliveries: DeliveryCounts;
}

export interface NotificationRow {
  seq: string;
  id: string;
  title: string;
  body: string;
  severity: Severity;
  link: string | null;
  data: unknown;
  recipient_ids: string[];
  group_ids: string[];
  requires_confirmation: boolean;
  expires_at: Date | null;
  dedupe_key: string | null;
  remind_after_ms: string | null;
  max_reminders: number | null;
  escalate_after_ms: string | null;
  escalate_recipient_ids: string[];
  escalate_group_ids: string[];
  source: string;
  created_at: Date;
  fanned_out_at: Date | null;
}

type CountedRow = NotificationRow & { counts: DeliveryCounts | null };

function present(row: CountedRow): Notification {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    severity: row.severity,
    link: row.link,
    data: row.data,
    to: { recipientIds: row.recipient_ids, groupIds: row.group_ids },
    requiresConfirmation: row.requires_confirmation,
    expiresAt: row.expires_at,
    dedupeKey: row.dedupe_key,
    remindAfterMs: row.remind_after_ms === null ? null : Number(row.remind_after_ms),
    maxReminders: row.max_reminders,
    escalateAfterMs: row.escalate_after_ms === null ? null : Number(row.escalate_after_ms),
    escalateTo: { recipientIds: row.escalate_recipient_ids, groupIds: row.escalate_group_ids },
    source: row.source,
    createdAt: row.created_at,
    fannedOutAt: row.fanned_out_at,
    deliveries: row.counts ?? { total: 0, delivered: 0, read: 0, confirmed: 0, expired: 0 },
  };
}

const selectCounted = (sql: SqlExecutor) => sql`
  select n.*, (
    select jsonb_build_object(
      'total', count(*), 'delivered', count(*) filter (where d.state = 'delivered'),
      'read', count(*) filter (where d.state = 'read'), 'confirmed', count(*) filter (where d.state = 'confirmed'),
      'expired', count(*) filter (where d.state = 'expired'))
    from notification_deliveries d where d.notification_id = n.id) as counts
  from notifications n`;

/** The addressees that do not exist: `field` is `recipients` or `groups`. */
export async function missingAddressees(sql: SqlExecutor, to: Addressees): Promise<{ field: 'recipients' | 'groups'; message: string }[]> {
  const problems: { field: 'recipients' | 'groups'; message: string }[] = [];
  const recipients = await sql<{ id: string }[]>`select id from recipients where id = any(${to.recipientIds}::uuid[])`;
  const groups = await sql<{ id: string }[]>`select id from recipient_groups where id = any(${to.groupIds}::uuid[])`;
  for (const id of to.recipientIds) {
    if (!recipients.some((row) => row.id === id)) problems.push({ field: 'recipients', message: `recipient '${id}' does not exist` });
  }
  for (const id of to.groupIds) {
    if (!groups.some((row) => row.id === id)) problems.push({ field: 'groups', message: `group '${id}' does not exist` });
  }
  return problems;
}

/** Refuses addressees that do not exist, naming each (field paths as the api spells them). */
async function assertAddresseesExist(sql: SqlExecutor, to: Addressees, field: string): Promise<void> {
  const problems = (await missingAddressees(sql, to)).map((problem) => ({ path: `${field}.${problem.field}`, message: problem.message }));
  if (problems.length > 0) throw new ValidationError(problems.map((p) => p.message).join('; '), problems);
}

function assertCoherent(draft: NotificationDraft, now: Date): void {
  const problems: { path: string; message: string }[] = [];
  if (draft.to.recipientIds.length + draft.to.groupIds.length === 0) {
    problems.push({ path: 'to', message: 'address at least one recipient or group' });
  }
  if (draft.expiresAt && draft.expiresAt.getTime() <= now.getTime()) {
    problems.push({ path: 'expires_at', message: 'must be in the future' });
  }
  const escalates = (draft.escalateTo?.recipientIds.length ?? 0) + (draft.escalateTo?.groupIds.length ?? 0) > 0;
  if ((draft.remindAfterMs != null || draft.escalateAfterMs != null) && !draft.requiresConfirmation) {
    problems.push({ path: 'confirmation', message: 'reminders and escalation need requires_confirmation: true' });
  }
  if (draft.escalateAfterMs != null && !escalates) problems.push({ path: 'confirmation.escalate_to', message: 'name whom to escalate to' });
  if (draft.maxReminders != null && draft.remindAfterMs == null) {
    problems.push({ path: 'confirmation.max_reminders', message: 'needs remind_after_ms' });
  }
  if (escalates && draft.escalateAfterMs == null) problems.push({ path: 'confirmation.escalate_after_ms', message: 'say when to escalate' });
  if (draft.remindAfterMs != null && draft.escalateAfterMs != null && draft.escalateAfterMs <= draft.remindAfterMs) {
    problems.push({ path: 'confirmation.escalate_after_ms', message: 'must be later than remind_after_ms' });
  }
  if (problems.length > 0) throw new ValidationError(problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
}

/**
 * Stores a notification and, in the SAME transaction, publishes its fan-out message on
 * `fanOut` (the broker: the PostgreSQL broker writes the message in that transaction,
 * the RabbitMQ broker an outbox row it relays after the commit), so a stored
 * notification always has its fan-out coming and a rolled-back one never does. `null`
 * stores only (the caller fans out itself: tests). With a dedupe key already used,
 * nothing is stored or published and the earlier notification is returned
 * (`created: false`), whatever the rest of the draft says.
 */
export async function createNotification(
  sql: Sql,
  clock: Clock,
  draft: NotificationDraft,
  fanOut: TransactionalPublisher | null,
): Promise<{ notification: Notification; created: boolean }> {
  const now = clock.now();
  assertCoherent(draft, now);
  const escalateTo = draft.escalateTo ?? { recipientIds: [], groupIds: [] };
  const id = await sql.begin(async (tx) => {
    await assertAddresseesExist(tx, draft.to, 'to');
    await assertAddresseesExist(tx, escalateTo, 'confirmation.escalate_to');
    const [row] = await tx<{ id: string }[]>`
      insert into notifications (title, body, severity, link, data, recipient_ids, group_ids, requires_confirmation,
                                 expires_at, dedupe_key, remind_after_ms, max_reminders, escalate_after_ms,
                                 escalate_recipient_ids, escalate_group_ids, source, created_at)
      values (${draft.title}, ${draft.body}, ${draft.severity}, ${draft.link ?? null},
              ${draft.data === undefined ? null : jsonParam(tx, draft.data)},
              ${draft.to.recipientIds}::uuid[], ${draft.to.groupIds}::uuid[], ${draft.requiresConfirmation},
              ${draft.expiresAt ?? null}, ${draft.dedupeKey ?? null}, ${draft.remindAfterMs ?? null},
              ${draft.remindAfterMs == null ? null : (draft.maxReminders ?? DEFAULT_MAX_REMINDERS)}, ${draft.escalateAfterMs ?? null},
              ${escalateTo.recipientIds}::uuid[], ${escalateTo.groupIds}::uuid[], ${draft.source}, ${now})
      on conflict (dedupe_key) do nothing
      returning id`;
    if (!row) return null;
    await recordHistory(tx, [{ notificationId: row.id, kind: 'published', detail: { source: draft.source }, at: now }]);
    if (fanOut) await fanOut.publishWithin(tx, [fanOutPublication(row.id)]);
    return row.id;
  });
  if (id) return { notification: await getNotification(sql, id), created: true };
  const [existing] = await sql<{ id: string }[]>`select id from notifications where dedupe_key = ${draft.dedupeKey ?? null}`;
  if (!existing) throw new Error('a dedupe conflict without the conflicting notification');
  return { notification: await getNotification(sql, existing.id), created: false };
}

export async function getNotification(sql: SqlExecutor, id: string): Promise<Notification> {
  const [row] = await sql<CountedRow[]>`${selectCounted(sql)} where n.id = ${id}`;
  if (!row) throw new NotFoundError('notification', id);
  return present(row);
}

/** Newest first. */
export async function listNotifications(sql: Sql, request: KeysetRequest): Promise<KeysetPage<Notification>> {
  const rows = await sql<CountedRow[]>`
    ${selectCounted(sql)} where n.seq < ${request.after ?? '9223372036854775807'} order by n.seq desc limit ${request.limit + 1}`;
  return keysetPage(rows, request.limit, present);
}
