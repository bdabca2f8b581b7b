import { compareMessageIds } from './delivery-row';
import type { PublicationRow } from './publication-input';
import type { Queryable } from './sql-types';

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
 * runs the general statement (which drops, refuses or bounds those as it must).
 * Answers the ids in publication order (ids grow in insertion order within a statement).
 */
export async function insertDirect(sql: Queryable, rowsJson: string, count: number): Promise<string[] | null> {
  const inserted = await sql<{ id: string }[]>`
    with input as (
      select * from jsonb_to_recordset(${rowsJson}::text::jsonb) as t(
        ord int, routing_key text, headers jsonb, payload jsonb, priority smallint,
        not_before timestamptz, delay_ms bigint, expires_at timestamptz, ttl_ms bigint, ack_deadline_ms int,
        reply_to text, correlation_id text, sender text)
    ),
    targets as (
      select i.*, q.message_ttl_ms, q.max_length from input i join mq_queues q on q.name = i.routing_key
    )
    insert into mq_messages (queue, payload, headers, priority, visible_at, expires_at, ack_deadline_ms, reply_to, correlation_id, sender)
    select routing_key, coalesce(payload, 'null'::jsonb), coalesce(headers, '{}'), priority,
      greatest(coalesce(not_before, now()), now() + coalesce(delay_ms, 0) * interval '1 millisecond'),
      least(expires_at, now() + ttl_ms * interval '1 millisecond', now() + message_ttl_ms * interval '1 millisecond'),
      ack_deadline_ms, reply_to, correlation_id, sender
    from targets
    where (select count(*) = ${count} and count(max_length) = 0 from targets)
    order by ord
    returning id`;
  if (inserted.length !== count) return null;
  return inserted.map((row) => row.id).sort(compareMessageIds);
}
