import { type SqlExecutor } from '@interflow/core';
import type { QueueGauge } from '@interflow/broker';

/**
 * One row per declared queue (empty ones included, so a drained queue reads 0 rather than
 * vanishing), from one scan of the live messages. Read-only; takes no row locks, so it
 * never slows a claim.
 */
export async function readQueueGauges(sql: SqlExecutor): Promise<QueueGauge[]> {
  const rows = await sql<{ queue: string; ready: number; delayed: number; in_flight: number; oldest_ready_age: number; dead_letters: number }[]>`
    with per_queue as (
      select queue,
        count(*) filter (where lease_token is null and visible_at <= now())::int as ready,
        count(*) filter (where lease_token is null and visible_at > now())::int as delayed,
        count(*) filter (where lease_token is not null)::int as in_flight,
        min(visible_at) filter (where lease_token is null and visible_at <= now()) as oldest_ready
      from mq_messages group by queue
    ), dead as (
      select dead_from as queue, count(*)::int as dead_letters
      from mq_messages where dead_from is not null group by dead_from
    )
    select q.name as queue,
      coalesce(p.ready, 0) as ready, coalesce(p.delayed, 0) as delayed, coalesce(p.in_flight, 0) as in_flight,
      coalesce(extract(epoch from now() - p.oldest_ready), 0)::float8 as oldest_ready_age,
      coalesce(d.dead_letters, 0) as dead_letters
    from mq_queues q
    left join per_queue p on p.queue = q.name
    left join dead d on d.queue = q.name
    order by q.name`;
  return rows.map((row) => ({
    queue: row.queue,
    ready: row.ready,
    delayed: row.delayed,
    inFlight: row.in_flight,
    oldestReadyAgeSeconds: Math.max(0, row.oldest_ready_age),
    deadLetters: row.dead_letters,
  }));
}
