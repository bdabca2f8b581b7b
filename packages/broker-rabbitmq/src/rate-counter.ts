import { type Sql } from '@interflow/core';

const BUCKET_SECONDS = 5;
const WINDOW_SECONDS = 60;

/** Publish and ack counts per queue, kept in memory and added to `rabbitmq_rate_buckets` every few seconds and before stats. */
export class RateCounter {
  private published = new Map<string, number>();
  private acked = new Map<string, number>();

  countPublished(queue: string, count = 1): void {
    this.published.set(queue, (this.published.get(queue) ?? 0) + count);
  }

  countAcked(queue: string, count = 1): void {
    this.acked.set(queue, (this.acked.get(queue) ?? 0) + count);
  }

  async flush(sql: Sql): Promise<void> {
    if (this.published.size === 0 && this.acked.size === 0) return;
    const published = this.published;
    const acked = this.acked;
    this.published = new Map();
    this.acked = new Map();
    const queues = [...new Set([...published.keys(), ...acked.keys()])].sort();
    try {
      await sql`
        insert into rabbitmq_rate_buckets (queue, bucket_start, published, acked)
        select queue, to_timestamp(floor(extract(epoch from now()) / ${BUCKET_SECONDS}) * ${BUCKET_SECONDS}), published, acked
        from unnest(${queues}::text[], ${queues.map((q) => published.get(q) ?? 0)}::bigint[], ${queues.map((q) => acked.get(q) ?? 0)}::bigint[])
          as t(queue, published, acked)
        on conflict (queue, bucket_start) do update set
          published = rabbitmq_rate_buckets.published + excluded.published,
          acked = rabbitmq_rate_buckets.acked + excluded.acked`;
    } catch (error) {
      for (const [queue, count] of published) this.countPublished(queue, count);
      for (const [queue, count] of acked) this.countAcked(queue, count);
      throw error;
    }
  }
}

/** Publishes and acks per second over the last minute. */
export async function queueRates(sql: Sql, queue: string): Promise<{ publishedPerSecond: number; ackedPerSecond: number }> {
  const [row] = await sql<{ published: number; acked: number }[]>`
    select coalesce(sum(published), 0)::float8 as published, coalesce(sum(acked), 0)::float8 as acked
    from rabbitmq_rate_buckets where queue = ${queue} and bucket_start > now() - ${WINDOW_SECONDS} * interval '1 second'`;
  return { publishedPerSecond: (row?.published ?? 0) / WINDOW_SECONDS, ackedPerSecond: (row?.acked ?? 0) / WINDOW_SECONDS };
}
