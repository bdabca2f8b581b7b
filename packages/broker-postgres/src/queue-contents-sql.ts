import { type SqlExecutor } from '@interflow/core';
import type { Delivery } from '@interflow/broker';
import { toDelivery, type MessageRow } from './delivery-row';

/** Unleased messages (ready first, then delayed ones) in claim order, claiming nothing. */
export async function peekMessages(sql: SqlExecutor, queue: string, limit: number): Promise<Delivery[]> {
  const rows = await sql<MessageRow[]>`
    select id, queue, payload, headers, priority, attempts, lease_token, lease_expires_at, visible_at,
      reply_to, correlation_id, sender, published_at, expires_at, deaths, recovered
    from mq_messages
    where queue = ${queue} and lease_token is null
    order by (visible_at > now()), priority desc, id
    limit ${limit}`;
  return rows.map(toDelivery);
}

/** Deletes the queue's unleased messages (in-flight deliveries finish normally); answers how many. */
export async function purgeMessages(sql: SqlExecutor, queue: string): Promise<number> {
  const result = await sql`delete from mq_messages where queue = ${queue} and lease_token is null`;
  return result.count;
}

/**
 * Moves up to `max` unleased dead letters of a dead-letter queue back to the queue each
 * died in (oldest first; only those named when `messageIds` is given), with a fresh
 * attempt count; their death records stay. Dead
 * letters whose source queue no longer exists stay where they are.
 */
export async function redriveMessages(
  sql: SqlExecutor,
  deadLetterQueue: string,
  max: number,
  messageIds: string[] | null = null,
): Promise<{ queue: string }[]> {
  return sql<{ queue: string }[]>`
    with chosen as (
      select m.id from mq_messages m join mq_queues q on q.name = m.dead_from
      where m.queue = ${deadLetterQueue} and m.dead_from is not null and m.lease_token is null
        and (${messageIds}::bigint[] is null or m.id = any(${messageIds}::bigint[]))
      order by m.id limit ${max}
      for update of m skip locked
    )
    update mq_messages m set queue = m.dead_from, dead_from = null, attempts = 0, visible_at = now(), expires_at = null,
      recovered = false, handed_over = true
    from chosen where m.id = chosen.id
    returning m.queue`;
}
