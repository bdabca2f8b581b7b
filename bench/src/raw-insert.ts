import { type Sql } from '@interflow/core';
import { benchPayload } from './bench-queue';
import { elapsedSince, ratePerSecond } from './percentiles';

const RAW_TABLE = 'bench_raw_messages';

/**
 * The insert ceiling, without a broker: a table shaped like `mq_messages` (same columns,
 * defaults, sequence and indexes), filled by ONE `insert … select` from a JSON array of
 * the same payloads the broker benchmarks publish. Bulk publishing cannot beat it (it
 * stores the same rows and more), so `publish_bulk_vs_raw` says how much of the
 * database's own speed the broker keeps, whatever the machine's mood.
 */
export async function createRawTable(sql: Sql): Promise<void> {
  await sql`create table ${sql(RAW_TABLE)} (like mq_messages including all)`;
}

/** Inserts `count` payloads into the raw table in one statement; answers rows per second. */
export async function rawInsertRate(sql: Sql, queue: string, count: number): Promise<number> {
  await sql`truncate ${sql(RAW_TABLE)}`;
  // Building and serializing the payloads is timed, as it is for the broker's publishes.
  const started = performance.now();
  const payloads = JSON.stringify(Array.from({ length: count }, (_, index) => benchPayload(index)));
  const result = await sql`
    insert into ${sql(RAW_TABLE)} (queue, payload)
    select ${queue}, value from jsonb_array_elements(${payloads}::text::jsonb)`;
  const elapsed = elapsedSince(started);
  if (result.count !== count) throw new Error(`raw insert stored ${result.count} rows, expected ${count}`);
  return ratePerSecond(count, elapsed);
}
