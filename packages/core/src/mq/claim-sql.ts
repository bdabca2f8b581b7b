import { compareClaimOrder, toDelivery, type MessageRow } from './delivery-row';
import type { Delivery } from './broker';
import { deleteAcked } from './settle-sql';
import type { Queryable } from './sql-types';

export interface ClaimRequest {
  queue: string;
  max: number;
  /** Lease length when the message names none; the queue's ack deadline otherwise. */
  leaseMs: number | null;
  consumerId: string | null;
}

/**
 * Claims at most `max` messages of one queue in one statement and leases them to the
 * caller with a fresh delivery token each. Skips rows other claimers hold locked (SKIP
 * LOCKED: two claimers never get the same message), messages not yet visible (delay,
 * retry backoff) and expired ones (housekeeping dead-letters those). Lapsed leases
 * whose message still has attempts left are taken first (at-least-once: a dead
 * consumer's messages come back), then the ready ones by priority, then age.
 * Every claim counts an attempt.
 *
 * The claim commits asynchronously (no wait for the WAL flush): if the server crashes
 * before the flush, the claim is forgotten and the message is delivered again, which
 * at-least-once delivery allows. Publishes stay synchronous: they are the durable part.
 */
export async function claimMessages(sql: Queryable, request: ClaimRequest): Promise<Delivery[]> {
  const rows = await sql<MessageRow[]>`
    with async_commit as (select set_config('synchronous_commit', 'off', true)),
    ${claimingCtes(sql, request)}
    select * from claimed`;
  return rows.map(toDelivery).sort(compareClaimOrder);
}

/**
 * The acks of a consumer and its next claim in ONE statement (one round trip, one
 * commit): the consume loop sends the acks of the handlers that finished together with
 * the claim for their replacements. Both commit asynchronously, as above. Answers the
 * ids actually acked (a missing one was stale) and the new deliveries.
 */
export async function ackAndClaim(
  sql: Queryable,
  acks: { messageId: string; deliveryToken: string }[],
  request: ClaimRequest,
): Promise<{ ackedIds: Set<string>; deliveries: Delivery[] }> {
  const rows = await sql<(MessageRow & { is_ack: boolean })[]>`
    with async_commit as (select set_config('synchronous_commit', 'off', true)),
    acked as (${deleteAcked(sql, acks)}),
    ${claimingCtes(sql, request)}
    select *, false as is_ack from claimed
    union all
    select id, queue, null, null, null, null, null, null, null, null, null, null, null, null, null, true from acked`;
  const ackedIds = new Set<string>();
  const deliveries: Delivery[] = [];
  for (const row of rows) {
    if (row.is_ack) ackedIds.add(row.id);
    else deliveries.push(toDelivery(row));
  }
  return { ackedIds, deliveries: deliveries.sort(compareClaimOrder) };
}

/** The claiming part (CTEs `policy` … `claimed`) shared by both statements; needs `async_commit`. */
function claimingCtes(sql: Queryable, request: ClaimRequest) {
  return sql`
    policy as (
      select max_attempts, ack_deadline_ms from mq_queues where name = ${request.queue}
    ),
    lapsed as (
      select m.id from mq_messages m
      where m.queue = ${request.queue} and m.lease_token is not null and m.lease_expires_at <= now()
        and m.attempts < (select max_attempts from policy)
      order by m.lease_expires_at
      limit ${request.max}
      for update skip locked
    ),
    ready as (
      select m.id from mq_messages m
      where m.queue = ${request.queue} and m.lease_token is null and m.visible_at <= now()
        and (m.expires_at is null or m.expires_at > now())
      order by m.priority desc, m.id
      limit ${request.max}
      for update skip locked
    ),
    chosen as (
      select id from lapsed union all select id from ready limit ${request.max}
    ),
    claimed as (
      update mq_messages m set
        lease_token = gen_random_uuid(),
        lease_expires_at = now() + coalesce(m.ack_deadline_ms, ${request.leaseMs}::int, (select ack_deadline_ms from policy)) * interval '1 millisecond',
        attempts = m.attempts + 1,
        consumer_id = ${request.consumerId}
      from chosen c, async_commit where m.id = c.id
      returning m.id, m.queue, m.payload, m.headers, m.priority, m.attempts, m.lease_token, m.lease_expires_at,
        m.visible_at, m.reply_to, m.correlation_id, m.sender, m.published_at, m.expires_at, m.deaths
    )`;
}
