import { type Sql } from '@interflow/core';
import type { Benchmark } from '../benchmark';
import { elapsedSince, ratePerSecond } from '../percentiles';

const COMMITS = 2_000;
const CONNECTIONS = 8;

/**
 * What this machine's PostgreSQL manages without any broker: single-row inserts into a
 * bare table, one commit each, from one connection and from 8. It is the yardstick for
 * `e2e_per_s` (durable single publishes are bounded by how fast commits reach the disk)
 * and shows how busy the machine was during the run.
 */
export const baselineBenchmark: Benchmark = {
  name: 'baseline',
  description: `${COMMITS} bare single-row insert commits, from 1 and from ${CONNECTIONS} connections`,
  async run(context) {
    await createBaselineTable(context.sql);
    const single = await insertCommits(context.sql, 1);
    const concurrent = await insertCommits(context.sql, CONNECTIONS);
    return { baseline_commits_per_s: single, baseline_commits_8_connections_per_s: concurrent };
  },
};

export async function createBaselineTable(sql: Sql): Promise<void> {
  await sql`create table bench_baseline (id bigserial primary key, payload jsonb not null)`;
}

/** Commits per second of 2,000 single-row inserts spread over `connections` connections. */
export async function insertCommits(sql: Sql, connections: number): Promise<number> {
  // Open the connections first: connecting is not committing.
  await Promise.all(Array.from({ length: connections }, () => sql`select 1`));
  let remaining = COMMITS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (remaining > 0) {
        remaining -= 1;
        await sql`insert into bench_baseline (payload) values (${JSON.stringify({ kind: 'baseline' })}::jsonb)`;
      }
    }),
  );
  return ratePerSecond(COMMITS, elapsedSince(started));
}
