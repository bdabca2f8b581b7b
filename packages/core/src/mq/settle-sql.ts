import type { QueueRow } from './queue-policy';
import type { Queryable } from './sql-types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MESSAGE_ID = /^\d{1,19}$/;

/** A ref that cannot name a live lease (malformed id or token) is stale without asking the database. */
export function isWellFormedRef(ref: { messageId: string; deliveryToken: string }): boolean {
  return typeof ref.messageId === 'string' && MESSAGE_ID.test(ref.messageId) && typeof ref.deliveryToken === 'string' && UUID.test(ref.deliveryToken);
}

/**
 * Deletes acked messages in one statement, only where the token still holds the lease.
 * Answers the ids (and queues) actually acked: a ref missing from the answer was stale.
 * Commits asynchronously: an ack lost in a crash means one more delivery, which
 * at-least-once allows, and acks stop waiting for the disk.
 */
export function ackMessages(sql: Queryable, refs: { messageId: string; deliveryToken: string }[]): Promise<{ id: string; queue: string }[]> {
  return sql<{ id: string; queue: string }[]>`
    with async_commit as (select set_config('synchronous_commit', 'off', true))
    ${deleteAcked(sql, refs)}`;
}

/**
 * The ack itself, `delete … returning m.id, m.queue`, for a statement that defines the
 * `async_commit` CTE (here, and the consumer's ack-and-claim statement).
 */
export function deleteAcked(sql: Queryable, refs: { messageId: string; deliveryToken: string }[]) {
  return sql`
    delete from mq_messages m
    using unnest(${refs.map((r) => r.messageId)}::bigint[], ${refs.map((r) => r.deliveryToken)}::uuid[]) as r(id, token), async_commit
    where m.id = r.id and m.lease_token = r.token
    returning m.id, m.queue`;
}

/** The leased message with its queue's policy, or nothing when the token no longer holds the lease. */
export async function leasedMessage(sql: Queryable, id: string, token: string): Promise<(QueueRow & { attempts: number; queue: string }) | null> {
  const [row] = await sql<(QueueRow & { attempts: number; queue: string })[]>`
    select q.*, m.attempts, m.queue from mq_messages m join mq_queues q on q.name = m.queue
    where m.id = ${id} and m.lease_token = ${token}::uuid`;
  return row ?? null;
}

/**
 * Gives a leased message back to its queue, visible again after `delayMs`. With
 * `countAttempt` false the claim that delivered it is not counted (rate-limited retry).
 * Answers false when the token no longer holds the lease.
 */
export async function requeueMessage(sql: Queryable, id: string, token: string, delayMs: number, countAttempt: boolean): Promise<boolean> {
  const rows = await sql`
    update mq_messages set
      lease_token = null, lease_expires_at = null, consumer_id = null,
      visible_at = now() + ${delayMs}::bigint * interval '1 millisecond',
      attempts = greatest(attempts - ${countAttempt ? 0 : 1}::int, 0)
    where id = ${id} and lease_token = ${token}::uuid
    returning id`;
  return rows.length > 0;
}

/** Pushes a lease out to now + ms; null when the token no longer holds it. */
export async function extendLeaseOf(sql: Queryable, id: string, token: string, ms: number): Promise<Date | null> {
  const [row] = await sql<{ lease_expires_at: Date }[]>`
    update mq_messages set lease_expires_at = now() + ${ms}::bigint * interval '1 millisecond'
    where id = ${id} and lease_token = ${token}::uuid
    returning lease_expires_at`;
  return row?.lease_expires_at ?? null;
}

/**
 * Releases deliveries that were claimed but never handed to a handler (a stopping
 * consumer's prefetch): visible again at once, the claim not counted as an attempt.
 */
export async function releaseMessages(sql: Queryable, refs: { messageId: string; deliveryToken: string }[]): Promise<number> {
  if (refs.length === 0) return 0;
  const ids = refs.map((r) => r.messageId);
  const tokens = refs.map((r) => r.deliveryToken);
  const rows = await sql`
    update mq_messages m set lease_token = null, lease_expires_at = null, consumer_id = null,
      attempts = greatest(m.attempts - 1, 0)
    from unnest(${ids}::bigint[], ${tokens}::uuid[]) as r(id, token)
    where m.id = r.id and m.lease_token = r.token
    returning m.id`;
  return rows.length;
}
