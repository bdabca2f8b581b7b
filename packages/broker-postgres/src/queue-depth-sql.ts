import type { SqlExecutor } from '@interflow/core';

/** How many messages one queue holds, by state. */
export interface QueueDepth {
  queue: string;
  ready: number;
  delayed: number;
  inFlight: number;
}

/**
 * Every declared queue's depth in one statement (empty queues included, as zeros). One
 * scan of the messages: callers throttle it (the event stream reads it every few seconds
 * while someone watches).
 */
export async function queueDepths(sql: SqlExecutor): Promise<QueueDepth[]> {
  const rows = await sql<{ name: string; ready: number; delayed: number; in_flight: number }[]>`
    select q.name,
           coalesce(c.ready, 0)::int as ready, coalesce(c.delayed, 0)::int as delayed, coalesce(c.in_flight, 0)::int as in_flight
    from mq_queues q
    left join (
      select queue,
             count(*) filter (where lease_token is null and visible_at <= now()) as ready,
             count(*) filter (where lease_token is null and visible_at > now()) as delayed,
             count(*) filter (where lease_token is not null) as in_flight
      from mq_messages group by queue
    ) c on c.queue = q.name
    order by q.name`;
  return rows.map((row) => ({ queue: row.name, ready: row.ready, delayed: row.delayed, inFlight: row.in_flight }));
}
