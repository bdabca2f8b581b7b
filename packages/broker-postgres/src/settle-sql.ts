import { type SqlExecutor } from '@interflow/core';
import type { QueueRow } from './queue-row';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MESSAGE_ID = /^\d{1,19}$/;

/** A ref that cannot name a live lease (malformed id or token) is stale without asking the database. */
export function isWellFormedRef(ref: { messageId: string; deliveryToken: string }): boolean {
  return typeof ref.messageId === 'string' && MESSAGE_ID.test(ref.messageId) && typeof ref.deliveryToken === 'string' && UUID.test(ref.deliveryToken);
}

/**
 * A settle is refused (stale) when the token no longer holds the lease OR the lease has
 * lapsed, even if nobody claimed the message again yet: past its lease the message
 * belongs to whoever claims it next, and a late settle would race that claim.
 */

/**
 * Deletes acked messages in one statement, only where the token still holds a lease that has not lapsed.
 * Answers the ids (and queues) actually acked: a ref missing from the answer was stale.
 * Commits asynchronously: an ack lost in a crash means one more delivery, which
 * at-least-once allows, and acks stop waiting for the disk.
 */
export function ackMessages(sql: SqlExecutor, refs: { messageId: string; deliveryToken: string }[]): Promise<{ id: string; queue: string }[]> {
  return sql<{ id: string; queue: string }[]>`
    with async_commit as (select set_config('synchronous_commit', 'off', true))
    ${deleteAcked(sql, refs)}`;
}

/**
 * The ack itself, `delete … returning m.id, m.queue`, for a statement that defines the
 * `async_commit` CTE (here, and the consumer's ack-and-claim statement), or, with
 * `asyncCommit` false, for one whose transaction commits as its caller chooses.
 */
export function deleteAcked(sql: SqlExecutor, refs: { messageId: string; deliveryToken: string }[], asyncCommit = true) {
  return sql<{ id: string; queue: string }[]>`
    delete from mq_messages m
    using unnest(${refs.map((r) => r.messageId)}::bigint[], ${refs.map((r) => r.deliveryToken)}::uuid[]) as r(id, token)${asyncCommit ? sql`, async_commit` : sql``}
    where m.id = r.id and m.lease_token = r.token and m.lease_expires_at > now()
    returning m.id, m.queue`;
}

/**
 * Deletes acked messages inside the caller's transaction (which commits as it chooses),
 * in one statement. Answers, per ref and in order, the queue of the message it acked, or
 * null when the token no longer holds a lease that has not lapsed. A ref named twice is
 * acked by its first mention; the second is answered null, as a second statement would be.
 */
export async function ackWithin(sql: SqlExecutor, refs: { messageId: string; deliveryToken: string }[]): Promise<({ queue: string } | null)[]> {
  const deleted = await deleteAcked(sql, refs, false);
  const queueOf = new Map(deleted.map((row) => [row.id, row.queue]));
  return refs.map((ref) => {
    const id = BigInt(ref.messageId).toString();
    const queue = queueOf.get(id);
    queueOf.delete(id);
    return queue === undefined ? null : { queue };
  });
}

/** The leased message with its queue's policy, or nothing when the token no longer holds the lease. */
export async function leasedMessage(sql: SqlExecutor, id: string, token: string): Promise<(QueueRow & { attempts: number; queue: string }) | null> {
  const [row] = await sql<(QueueRow & { attempts: number; queue: string })[]>`
    select q.*, m.attempts, m.queue from mq_messages m join mq_queues q on q.name = m.queue
    where m.id = ${id} and m.lease_token = ${token}::uuid and m.lease_expires_at > now()`;
  return row ?? null;
}

/**
 * Gives a leased message back to its queue, visible again after `delayMs`. With
 * `countAttempt` false the claim that delivered it is not counted (rate-limited retry).
 * Answers false when the token no longer holds the lease.
 */
export async function requeueMessage(sql: SqlExecutor, id: string, token: string, delayMs: number, countAttempt: boolean): Promise<boolean> {
  const rows = await sql`
    update mq_messages set
      lease_token = null, lease_expires_at = null, consumer_id = null,
      visible_at = now() + ${delayMs}::bigint * interval '1 millisecond',
      attempts = greatest(attempts - ${countAttempt ? 0 : 1}::int, 0),
      handed_over = true, recovered = false
    where id = ${id} and lease_token = ${token}::uuid and lease_expires_at > now()
    returning id`;
  return rows.length > 0;
}

/** Pushes a lease out to now + ms; null when the token no longer holds it. */
export async function extendLeaseOf(sql: SqlExecutor, id: string, token: string, ms: number): Promise<Date | null> {
  const [row] = await sql<{ lease_expires_at: Date }[]>`
    update mq_messages set lease_expires_at = now() + ${ms}::bigint * interval '1 millisecond'
    where id = ${id} and lease_token = ${token}::uuid and lease_expires_at > now()
    returning lease_expires_at`;
  return row?.lease_expires_at ?? null;
}

/**
 * Keeps the leases of deliveries a consumer holds but has not handed to a handler yet
 * (its prefetch buffer) in one statement: each pushed out to now + the lease it was
 * claimed with (the message's ack deadline, else `leaseMs`, else the queue's). Leases
 * that already lapsed are not revived. Answers the new deadline of each lease kept.
 */
export async function extendLeases(sql: SqlExecutor, refs: { messageId: string; deliveryToken: string }[], leaseMs: number | null): Promise<Map<string, Date>> {
  if (refs.length === 0) return new Map();
  const rows = await sql<{ id: string; lease_expires_at: Date }[]>`
    update mq_messages m set
      lease_expires_at = now() + coalesce(m.ack_deadline_ms, ${leaseMs}::int, q.ack_deadline_ms) * interval '1 millisecond'
    from unnest(${refs.map((r) => r.messageId)}::bigint[], ${refs.map((r) => r.deliveryToken)}::uuid[]) as r(id, token), mq_queues q
    where m.id = r.id and m.lease_token = r.token and m.lease_expires_at > now() and q.name = m.queue
    returning m.id, m.lease_expires_at`;
  return new Map(rows.map((row) => [row.id, row.lease_expires_at]));
}

/**
 * Releases deliveries that were claimed but never handed to a handler (a stopping
 * consumer's prefetch): visible again at once, the claim not counted as an attempt.
 * A message released while `recovered` stays so (it has not run since its lapse).
 */
export async function releaseMessages(sql: SqlExecutor, refs: { messageId: string; deliveryToken: string }[]): Promise<number> {
  if (refs.length === 0) return 0;
  const ids = refs.map((r) => r.messageId);
  const tokens = refs.map((r) => r.deliveryToken);
  const rows = await sql`
    update mq_messages m set lease_token = null, lease_expires_at = null, consumer_id = null,
      attempts = greatest(m.attempts - 1, 0), handed_over = true
    from unnest(${ids}::bigint[], ${tokens}::uuid[]) as r(id, token)
    where m.id = r.id and m.lease_token = r.token and m.lease_expires_at > now()
    returning m.id`;
  return rows.length;
}
