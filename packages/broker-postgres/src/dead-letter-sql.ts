import { type SqlExecutor } from '@interflow/core';

/**
 * A message to dead-letter; with a token it must still hold that lease (and the lease
 * must not have lapsed, unless the call says `leaseLapsed`), without one it must be unleased.
 */
export interface DeadLetterTarget {
  id: string;
  token: string | null;
}

export interface DeadLettered {
  id: string;
  /** The queue it died in. */
  queue: string;
  /** Where it went; null when that queue has no dead-letter queue (the message is dropped). */
  deadLetterQueue: string | null;
}

/**
 * Moves messages to their queue's dead-letter queue in one statement, appending an
 * x-death style record `{queue, reason, count, time, detail}` (count = how often it died
 * in that queue for that reason, this time included) and remembering the source queue
 * for redrive. A message whose queue has no dead-letter queue is deleted. Targets whose
 * lease changed meanwhile are skipped (not returned). Dead letters are never deduped:
 * the dedupe key is cleared.
 */
export async function deadLetter(
  sql: SqlExecutor,
  targets: DeadLetterTarget[],
  reason: string,
  detail: string | null,
  /** Housekeeping dead-letters lapsed leases on their last attempt: there the lapse is the point. */
  options: { leaseLapsed?: boolean } = {},
): Promise<DeadLettered[]> {
  if (targets.length === 0) return [];
  const ids = targets.map((t) => t.id);
  const tokens = targets.map((t) => t.token);
  const rows = await sql<{ id: string; queue: string; dead_letter_queue: string | null }[]>`
    with targets as (
      select * from unnest(${ids}::bigint[], ${tokens}::text[]) as t(id, token)
    ),
    victims as (
      select m.id, m.queue, q.dead_letter_queue from mq_messages m
      join targets t on t.id = m.id
      left join mq_queues q on q.name = m.queue
      where (t.token is null and m.lease_token is null)
         or (m.lease_token::text = t.token and (${options.leaseLapsed === true} or m.lease_expires_at > now()))
      for update of m
    ),
    dropped as (
      delete from mq_messages m using victims v where m.id = v.id and v.dead_letter_queue is null
    ),
    moved as (
      update mq_messages m set
        queue = v.dead_letter_queue,
        dead_from = v.queue,
        deaths = m.deaths || jsonb_build_array(jsonb_strip_nulls(jsonb_build_object(
          'queue', v.queue,
          'reason', ${reason}::text,
          'count', 1 + (select count(*) from jsonb_array_elements(m.deaths) d
                        where d ->> 'queue' = v.queue and d ->> 'reason' = ${reason}::text),
          'time', now(),
          'detail', ${detail}::text))),
        lease_token = null, lease_expires_at = null, consumer_id = null,
        visible_at = now(), expires_at = null, attempts = 0, dedupe_key = null,
        handed_over = true, recovered = false
      from victims v where m.id = v.id and v.dead_letter_queue is not null
    )
    select id, queue, dead_letter_queue from victims`;
  return rows.map((row) => ({ id: row.id, queue: row.queue, deadLetterQueue: row.dead_letter_queue }));
}
