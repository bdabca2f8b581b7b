import type { Sql } from '@interflow/core';
import { percentiles } from '../percentiles';
import type { Percentiles } from '../benchmark';

/** The highest run sequence number so far: runs after it are the next phase's. */
export async function lastRunSeq(sql: Sql): Promise<string> {
  const [row] = await sql<{ seq: string }[]>`select coalesce(max(seq), 0)::text as seq from runs`;
  return row?.seq ?? '0';
}

/**
 * Waits until `count` runs of the action after `afterSeq` succeeded; any failed run, or
 * the deadline, fails the benchmark (every run must be recorded, and succeed).
 */
export async function waitForSucceeded(sql: Sql, actionId: string, afterSeq: string, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await sql<{ succeeded: number; failed: number }[]>`
      select count(*) filter (where status = 'succeeded')::int as succeeded, count(*) filter (where status = 'failed')::int as failed
      from runs where action_id = ${actionId} and seq > ${afterSeq}`;
    if ((row?.failed ?? 0) > 0) throw new Error(`${row?.failed} runs failed`);
    if ((row?.succeeded ?? 0) >= count) return;
    if (Date.now() > deadline) throw new Error(`timed out: ${row?.succeeded ?? 0} of ${count} runs succeeded`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Runs per second over the phase, on the database's clock: the runs after `afterSeq`
 * over the time from the first one's creation (the webhook's transaction) to the last
 * one's end.
 */
export async function runsPerSecond(sql: Sql, actionId: string, afterSeq: string): Promise<number> {
  const [row] = await sql<{ runs: number; ms: number }[]>`
    select count(*)::int as runs, extract(epoch from max(finished_at) - min(created_at)) * 1000 as ms
    from runs where action_id = ${actionId} and seq > ${afterSeq}`;
  if (!row || row.runs === 0) throw new Error('no runs in the phase');
  return Math.round(row.runs / (Number(row.ms) / 1000));
}

export interface RunLatency {
  /** Webhook accepted (the run's creation, the api's transaction) to run finished. */
  acceptedToFinished: Percentiles;
  /** Of which: accepted to the attempt's start in the runner (commit, wake-up, claim, the runner's reads). */
  acceptedToStarted: Percentiles;
  /** Of which: the attempt's start to the run's end (the start's statement and the connector call). */
  startedToFinished: Percentiles;
}

/** How long the runs after `afterSeq` took, whole and in two legs. */
export async function runLatency(sql: Sql, actionId: string, afterSeq: string): Promise<RunLatency> {
  const rows = await sql<{ whole: number; queued: number; running: number }[]>`
    select extract(epoch from finished_at - created_at) * 1000 as whole,
           extract(epoch from started_at - created_at) * 1000 as queued,
           extract(epoch from finished_at - started_at) * 1000 as running
    from runs where action_id = ${actionId} and seq > ${afterSeq}`;
  return {
    acceptedToFinished: percentiles(rows.map((row) => Number(row.whole))),
    acceptedToStarted: percentiles(rows.map((row) => Number(row.queued))),
    startedToFinished: percentiles(rows.map((row) => Number(row.running))),
  };
}
