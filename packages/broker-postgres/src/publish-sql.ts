import type { EncodedPublications } from './publication-encoding';
import { type SqlExecutor } from '@interflow/core';

/** One line of the publish statement's answer: a problem, or a message stored (or deduplicated) in a queue. */
export interface PublishOutcomeRow {
  ord: number;
  problem: 'exchange_not_found' | 'unroutable' | 'bounded' | null;
  /** The queue stored into, or the exchange/queue the problem is about. */
  subject: string;
  id: string | null;
  max_length: number | null;
}

/**
 * Routes and stores a batch of publications (encoded: publication-encoding.ts) in ONE statement, so it is atomic on its own
 * (autocommit) and costs one round trip. Guarantees:
 * - a publication lands in every queue its exchange's bindings match (or, when none
 *   match, every queue the exchange's alternate exchange matches), or nothing is stored
 *   for the whole batch when any publication has a problem: a missing exchange, a
 *   mandatory publication that routes nowhere, or (unless `allowBounded`) a route into a
 *   queue with a max length, which the caller then publishes inside a transaction that
 *   enforces the limit;
 * - a dedupe key still live in a queue stores nothing there and answers the live id;
 * - ids grow in publication order, so the claim order "priority, then age" holds
 *   within a batch too.
 * Times (delay, TTL) are computed with the database clock.
 */
export function insertPublications(sql: SqlExecutor, batch: EncodedPublications, allowBounded: boolean): Promise<PublishOutcomeRow[]> {
  return sql<PublishOutcomeRow[]>`
    with envelopes as (
      select * from rows from (jsonb_to_recordset(${batch.envelopes}::text::jsonb) as (
          exchange text, routing_key text, headers jsonb, priority smallint, not_before timestamptz, delay_ms bigint,
          expires_at timestamptz, ttl_ms bigint, ack_deadline_ms int, reply_to text, correlation_id text,
          dedupe_key text, sender text, mandatory boolean))
        with ordinality as e(exchange, routing_key, headers, priority, not_before, delay_ms, expires_at, ttl_ms,
          ack_deadline_ms, reply_to, correlation_id, dedupe_key, sender, mandatory, envelope)
    ),
    input as (
      select (p.ord - 1)::int as ord, p.payload, e.*
      from rows from (jsonb_array_elements(${batch.payloads}::text::jsonb), unnest(${batch.envelopeOfRow}::int4[]))
        with ordinality as p(payload, envelope_of_row, ord)
      join envelopes e on e.envelope = coalesce(p.envelope_of_row, 1)
    ),
    bound_routes as (
      select i.ord, b.queue from input i
      join mq_exchanges e on e.name = i.exchange
      join mq_bindings b on b.exchange = e.name
      where mq_binding_matches(e.type, b.binding_key, b.key_pattern, b.headers, b.headers_match, i.routing_key, coalesce(i.headers, '{}'))
    ),
    default_routes as (
      select i.ord, q.name as queue from input i join mq_queues q on q.name = i.routing_key where i.exchange = ''
    ),
    alternate_routes as (
      select i.ord, b.queue from input i
      join mq_exchanges e on e.name = i.exchange
      join mq_exchanges ae on ae.name = e.alternate_exchange
      join mq_bindings b on b.exchange = ae.name
      where not exists (select 1 from bound_routes r where r.ord = i.ord)
        and mq_binding_matches(ae.type, b.binding_key, b.key_pattern, b.headers, b.headers_match, i.routing_key, coalesce(i.headers, '{}'))
    ),
    routes as (
      -- Two bindings of one exchange may both lead to a queue: it gets one copy. Default
      -- exchange routes are one per publication already (and the bulk of the traffic).
      select distinct ord, queue from (select * from bound_routes union all select * from alternate_routes) r
      union all
      select ord, queue from default_routes
    ),
    problems as (
      select i.ord, 'exchange_not_found' as problem, i.exchange as subject from input i
      where i.exchange <> '' and not exists (select 1 from mq_exchanges e where e.name = i.exchange)
      union all
      select i.ord, 'unroutable', i.exchange from input i
      where i.mandatory is true and not exists (select 1 from routes r where r.ord = i.ord)
        and (i.exchange = '' or exists (select 1 from mq_exchanges e where e.name = i.exchange))
      union all
      select r.ord, 'bounded', r.queue from routes r join mq_queues q on q.name = r.queue
      where q.max_length is not null and not ${allowBounded}::boolean
    ),
    stored as (
      select nextval('mq_message_ids') as id, r.ord, r.queue, i.payload, coalesce(i.headers, '{}') as headers, i.priority,
        greatest(coalesce(i.not_before, now()), now() + coalesce(i.delay_ms, 0) * interval '1 millisecond') as visible_at,
        least(i.expires_at, now() + i.ttl_ms * interval '1 millisecond', now() + q.message_ttl_ms * interval '1 millisecond') as expires_at,
        i.ack_deadline_ms, i.reply_to, i.correlation_id, i.dedupe_key, i.sender, q.max_length
      from routes r join input i using (ord) join mq_queues q on q.name = r.queue
      where not exists (select 1 from problems)
      order by r.ord, r.queue
    ),
    inserted as (
      insert into mq_messages (id, queue, payload, headers, priority, visible_at, expires_at, ack_deadline_ms,
        reply_to, correlation_id, dedupe_key, sender)
      select id, queue, payload, headers, priority, visible_at, expires_at, ack_deadline_ms,
        reply_to, correlation_id, dedupe_key, sender
      from stored
      on conflict (queue, dedupe_key) where dedupe_key is not null do nothing
      returning id
    )
    select ord, problem, subject, null::bigint as id, null::int as max_length from problems
    union all
    select s.ord, null, s.queue,
      coalesce(
        ins.id,
        (select first.id from stored first join inserted fi on fi.id = first.id
          where first.queue = s.queue and first.dedupe_key = s.dedupe_key limit 1),
        (select m.id from mq_messages m where m.queue = s.queue and m.dedupe_key = s.dedupe_key)),
      s.max_length
    from stored s left join inserted ins on ins.id = s.id
    order by 1, 3`;
}

/** Finds the live message holding a dedupe key (when the publish statement lost a race for it). */
export async function findDedupedMessage(sql: SqlExecutor, queue: string, dedupeKey: string): Promise<string | null> {
  const [row] = await sql<{ id: string }[]>`select id from mq_messages where queue = ${queue} and dedupe_key = ${dedupeKey}`;
  return row?.id ?? null;
}

interface BoundedQueueRow {
  name: string;
  max_length: number;
  overflow: 'reject_publish' | 'dead_letter_oldest';
  length: number;
}

/**
 * Locks the bounded queues (in name order, so concurrent publishers cannot deadlock) and
 * answers their lengths, counted after the lock so every earlier publisher's rows are
 * seen. Must run inside the publishing transaction, after its insert.
 */
export async function lockBoundedQueues(tx: SqlExecutor, queues: string[]): Promise<BoundedQueueRow[]> {
  await tx`select name from mq_queues where name = any(${queues}::text[]) and max_length is not null order by name for update`;
  // A new statement: its snapshot is taken after the lock was granted.
  return tx<BoundedQueueRow[]>`
    select q.name, q.max_length, q.overflow, (select count(*)::int from mq_messages m where m.queue = q.name) as length
    from mq_queues q where q.name = any(${queues}::text[]) and q.max_length is not null order by q.name`;
}

/** The oldest unleased messages of a queue beyond its max length: what dead_letter_oldest drops. */
export async function oldestUnleased(tx: SqlExecutor, queue: string, count: number): Promise<string[]> {
  const rows = await tx<{ id: string }[]>`
    select id from mq_messages where queue = ${queue} and lease_token is null
    order by id limit ${count} for update skip locked`;
  return rows.map((row) => row.id);
}
