import { type SqlExecutor } from '@interflow/core';
import type { QueueStats } from '@interflow/broker';

const RATE_WINDOW_SECONDS = 60;

/**
 * Counts of one queue (ready = claimable now, including lapsed leases' messages only
 * once returned; delayed = not yet visible; in flight = leased), its dead letters (in
 * its dead-letter queue, having died here), and publish/ack rates over the last minute.
 * Null when the queue does not exist.
 */
export async function queueStatistics(sql: SqlExecutor, queue: string): Promise<QueueStats | null> {
  const [row] = await sql<{ exists: boolean; ready: number; delayed: number; in_flight: number; dead: number; published: number; acked: number }[]>`
    select
      exists (select 1 from mq_queues where name = ${queue}) as exists,
      counts.ready, counts.delayed, counts.in_flight,
      (select count(*)::int from mq_messages d
        where d.queue = (select dead_letter_queue from mq_queues where name = ${queue}) and d.dead_from = ${queue}) as dead,
      rates.published, rates.acked
    from (
      select
        count(*) filter (where lease_token is null and visible_at <= now())::int as ready,
        count(*) filter (where lease_token is null and visible_at > now())::int as delayed,
        count(*) filter (where lease_token is not null)::int as in_flight
      from mq_messages where queue = ${queue}
    ) counts,
    (
      select coalesce(sum(published), 0)::float8 as published, coalesce(sum(acked), 0)::float8 as acked
      from mq_rate_buckets where queue = ${queue} and bucket_start > now() - ${RATE_WINDOW_SECONDS} * interval '1 second'
    ) rates`;
  if (!row?.exists) return null;
  return {
    queue,
    ready: row.ready,
    delayed: row.delayed,
    inFlight: row.in_flight,
    dead: row.dead,
    publishedPerSecond: row.published / RATE_WINDOW_SECONDS,
    ackedPerSecond: row.acked / RATE_WINDOW_SECONDS,
  };
}
