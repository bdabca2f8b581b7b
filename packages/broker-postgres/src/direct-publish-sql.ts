import type { EncodedPublications } from './publication-encoding';
import type { PublicationRow } from '@interflow/broker';
import { type SqlExecutor } from '@interflow/core';

/**
 * Whether a batch may take the direct path: every publication goes to the default
 * exchange (one queue, named by its routing key) and none carries a dedupe key.
 */
export function qualifiesForDirectInsert(rows: PublicationRow[]): boolean {
  return rows.every((row) => row.exchange === '' && row.dedupe_key === undefined);
}

/**
 * The common case, cheaper: publications to the default exchange are inserted straight
 * into the queues their routing keys name, with none of the general statement's routing
 * and dedupe work. All or nothing in one statement: when any routing key names no queue,
 * or a queue with a max length, nothing is stored and null is answered, and the caller
 * runs the general statement (which drops, refuses or bounds those as it must). That
 * check reads only the batch's distinct envelopes, not its rows.
 * Rows are inserted in publication order, so their ids grow in that order; the ids come
 * back as one sorted array (a row per id cost more than the sort).
 */
export async function insertDirect(sql: SqlExecutor, batch: EncodedPublications, count: number): Promise<string[] | null> {
  const [answer] = await sql<{ ids: string[] | null }[]>`
    with ${envelopesCte(sql, batch)},
    inserted as (
      insert into mq_messages (queue, payload, headers, priority, visible_at, expires_at, ack_deadline_ms, reply_to, correlation_id, sender)
      select e.queue, p.payload, coalesce(e.headers, '{}'), e.priority,
        greatest(coalesce(e.not_before, now()), now() + coalesce(e.delay_ms, 0) * interval '1 millisecond'),
        least(e.expires_at, now() + e.ttl_ms * interval '1 millisecond', now() + e.message_ttl_ms * interval '1 millisecond'),
        e.ack_deadline_ms, e.reply_to, e.correlation_id, e.sender
      from rows from (jsonb_array_elements(${batch.payloads}::text::jsonb), unnest(${batch.envelopeOfRow}::int4[]))
        with ordinality as p(payload, envelope_of_row, ord)
      join envelopes e on e.envelope = coalesce(p.envelope_of_row, 1)
      where (select bool_and(queue is not null and max_length is null) from envelopes)
      order by p.ord
      returning id
    )
    select array_agg(id order by id) as ids from inserted`;
  const ids = answer?.ids ?? [];
  return ids.length === count ? ids : null;
}

/**
 * CTE `envelopes`: the batch's distinct envelopes with the queue each routing key names
 * (null when none) and that queue's TTL, max length and ack deadline.
 */
export function envelopesCte(sql: SqlExecutor, batch: EncodedPublications) {
  return sql`
    envelopes as (
      select e.*, q.name as queue, q.message_ttl_ms, q.max_length, q.ack_deadline_ms as queue_ack_deadline_ms
      from rows from (jsonb_to_recordset(${batch.envelopes}::text::jsonb) as (
          routing_key text, headers jsonb, priority smallint, not_before timestamptz, delay_ms bigint,
          expires_at timestamptz, ttl_ms bigint, ack_deadline_ms int, reply_to text, correlation_id text, sender text))
        with ordinality as e(routing_key, headers, priority, not_before, delay_ms, expires_at, ttl_ms, ack_deadline_ms,
          reply_to, correlation_id, sender, envelope)
      left join mq_queues q on q.name = e.routing_key
    )`;
}
