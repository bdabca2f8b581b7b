import { type SqlExecutor } from '@interflow/core';

/** Width of one stored rate bucket. */
export const RATE_BUCKET_SECONDS = 5;

/**
 * Publish and ack counts per queue, kept in memory and added to `mq_rate_buckets` by
 * `flush()` (the broker flushes every few seconds and before answering stats). Counting
 * in memory keeps the publish and ack statements free of a hot counter row that every
 * transaction would have to lock; a crash loses at most a few seconds of counts.
 */
export class RateCounter {
  private published = new Map<string, number>();
  private acked = new Map<string, number>();
  private flushing: Promise<void> | null = null;

  countPublished(queue: string, count = 1): void {
    this.published.set(queue, (this.published.get(queue) ?? 0) + count);
  }

  countAcked(queue: string, count = 1): void {
    this.acked.set(queue, (this.acked.get(queue) ?? 0) + count);
  }

  /** Adds the counts so far to the current bucket; the counts are kept when the write fails. */
  async flush(sql: SqlExecutor): Promise<void> {
    if (this.flushing) await this.flushing.catch(() => undefined);
    if (this.published.size === 0 && this.acked.size === 0) return;
    const published = this.published;
    const acked = this.acked;
    this.published = new Map();
    this.acked = new Map();
    const queues = [...new Set([...published.keys(), ...acked.keys()])];
    const write = sql`
      insert into mq_rate_buckets (queue, bucket_start, published, acked)
      select queue, to_timestamp(floor(extract(epoch from now()) / ${RATE_BUCKET_SECONDS}) * ${RATE_BUCKET_SECONDS}), published, acked
      from unnest(${queues}::text[], ${queues.map((q) => published.get(q) ?? 0)}::bigint[], ${queues.map((q) => acked.get(q) ?? 0)}::bigint[])
        as t(queue, published, acked)
      order by queue
      on conflict (queue, bucket_start) do update set
        published = mq_rate_buckets.published + excluded.published,
        acked = mq_rate_buckets.acked + excluded.acked`.then(() => undefined);
    this.flushing = write;
    try {
      await write;
    } catch (error) {
      for (const [queue, count] of published) this.countPublished(queue, count);
      for (const [queue, count] of acked) this.countAcked(queue, count);
      throw error;
    } finally {
      this.flushing = null;
    }
  }
}
