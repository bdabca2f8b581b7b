import { type SqlExecutor } from '@interflow/core';
import { compareClaimOrder, toDelivery, type MessageRow } from './delivery-row';
import type { Delivery, DeliveryRef } from '@interflow/broker';
import { deleteAcked } from './settle-sql';

export interface ClaimRequest {
  queue: string;
  max: number;
  /** Lease length when the message names none; the queue's ack deadline otherwise. */
  leaseMs: number | null;
  consumerId: string | null;
  /**
   * true: the claimer hands every delivery to its handler at once (a direct claim).
   * false: the deliveries may wait in a prefetch buffer; a lease that lapses before the
   * hand-over is recorded gives its attempt back (see `handOverCtes`).
   */
  handedOver: boolean;
}

/**
 * Claims at most `max` messages of one queue in one statement and leases them to the
 * caller with a fresh delivery token each. Skips rows other claimers hold locked (SKIP
 * LOCKED: two claimers never get the same message), messages not yet visible (delay,
 * retry backoff) and expired ones (housekeeping dead-letters those). Lapsed leases
 * whose message still has attempts left are taken first (at-least-once: a dead
 * consumer's messages come back), then the ready ones by priority, then age.
 *
 * Attempts: every claim counts one, but a lapsed lease whose delivery was never handed
 * to a handler (`handed_over` false: it sat in a prefetch buffer, or reached a handler
 * whose hand-over was not recorded) gives its attempt back; such a message comes back
 * `recovered`.
 *
 * The claim commits asynchronously (no wait for the WAL flush): if the server crashes
 * before the flush, the claim is forgotten and the message is delivered again, which
 * at-least-once delivery allows. Publishes stay synchronous: they are the durable part.
 */
export async function claimMessages(sql: SqlExecutor, request: ClaimRequest): Promise<Delivery[]> {
  const rows = await sql<MessageRow[]>`
    with async_commit as (select set_config('synchronous_commit', 'off', true)),
    ${claimingCtes(sql, request)}
    select * from claimed`;
  return rows.map(toDelivery).sort(compareClaimOrder);
}

export interface ConsumerStatement {
  acks: DeliveryRef[];
  /** Deliveries about to reach a handler whose hand-over must be on record first (recovered ones). */
  handOvers: DeliveryRef[];
  claim: ClaimRequest | null;
}

export interface ConsumerStatementResult {
  ackedIds: Set<string>;
  /** Hand-overs recorded (a missing one had lost its lease), with the attempt each counts as. */
  handedOver: Map<string, number>;
  deliveries: Delivery[];
}

/**
 * The acks of a consumer, the hand-overs it must record and its next claim in ONE
 * statement (one round trip, one commit): the consume loop sends the acks of the
 * handlers that finished together with the claim for their replacements. Everything
 * commits asynchronously, as above. Answers the ids actually acked and handed over (a
 * missing one was stale or its lease had lapsed) and the new deliveries.
 */
export async function settleAndClaim(sql: SqlExecutor, statement: ConsumerStatement): Promise<ConsumerStatementResult> {
  const claim = statement.claim;
  const rows = await sql<(MessageRow & { kind: 'ack' | 'hand_over' | 'claim' })[]>`
    with async_commit as (select set_config('synchronous_commit', 'off', true)),
    acked as (${deleteAcked(sql, statement.acks)}),
    handed as (${recordHandOvers(sql, statement.handOvers)})
    ${claim ? sql`, ${claimingCtes(sql, claim)}` : sql``}
    select id, queue, null::jsonb as payload, null::jsonb as headers, null::smallint as priority, null::int as attempts,
      null::uuid as lease_token, null::timestamptz as lease_expires_at, null::timestamptz as visible_at, null as reply_to,
      null as correlation_id, null as sender, null::timestamptz as published_at, null::timestamptz as expires_at,
      null::jsonb as deaths, null::boolean as recovered, 'ack' as kind
    from acked
    union all
    select id, null, null, null, null, attempts, null, null, null, null, null, null, null, null, null, null, 'hand_over' from handed
    ${claim ? sql`union all select *, 'claim' from claimed` : sql``}`;
  const result: ConsumerStatementResult = { ackedIds: new Set(), handedOver: new Map(), deliveries: [] };
  for (const row of rows) {
    if (row.kind === 'ack') result.ackedIds.add(row.id);
    else if (row.kind === 'hand_over') result.handedOver.set(row.id, row.attempts);
    else result.deliveries.push(toDelivery(row));
  }
  result.deliveries.sort(compareClaimOrder);
  return result;
}

/**
 * Records that leased deliveries reached a handler (`update … returning m.id, m.attempts`),
 * only where the token holds a lease that has not lapsed. From then on a lapse of this
 * lease keeps the attempt counted.
 */
function recordHandOvers(sql: SqlExecutor, refs: DeliveryRef[]) {
  return sql`
    update mq_messages m set handed_over = true
    from unnest(${refs.map((r) => r.messageId)}::bigint[], ${refs.map((r) => r.deliveryToken)}::uuid[]) as r(id, token)
    where m.id = r.id and m.lease_token = r.token and m.lease_expires_at > now()
    returning m.id, m.attempts`;
}

/**
 * The claiming part (CTEs `policy` … `claimed`) shared by the claim statements: with
 * `async`, it needs the statement's `async_commit` CTE; `durable` is for a statement
 * whose commit is waited for anyway (a publish that claims, publish-and-claim-sql.ts).
 */
export function claimingCtes(sql: SqlExecutor, request: ClaimRequest, commit: 'async' | 'durable' = 'async') {
  return sql`
    policy as (
      select max_attempts, ack_deadline_ms from mq_queues where name = ${request.queue}
    ),
    lapsed as (
      select m.id from mq_messages m
      where m.queue = ${request.queue} and m.lease_token is not null and m.lease_expires_at <= now()
        and m.attempts - (case when m.handed_over then 0 else 1 end) < (select max_attempts from policy)
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
        attempts = m.attempts + (case when m.lease_token is not null and not m.handed_over then 0 else 1 end),
        handed_over = ${request.handedOver},
        recovered = m.recovered or m.lease_token is not null,
        consumer_id = ${request.consumerId}
      from chosen c ${commit === 'async' ? sql`, async_commit` : sql``} where m.id = c.id
      returning m.id, m.queue, m.payload, m.headers, m.priority, m.attempts, m.lease_token, m.lease_expires_at,
        m.visible_at, m.reply_to, m.correlation_id, m.sender, m.published_at, m.expires_at, m.deaths, m.recovered
    )`;
}
