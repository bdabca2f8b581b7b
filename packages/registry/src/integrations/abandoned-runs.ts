import { type SqlExecutor } from '@interflow/core';

export interface UnfinishedRun {
  id: string;
  /** The broker's id of the run's message; null for runs from before the api recorded it. */
  messageId: string | null;
}

export interface AbandonedRun {
  id: string;
  reason: string;
}

const UNFINISHED = ['queued', 'running', 'retrying'];

/**
 * The next `limit` unfinished runs (queued, running, retrying) after `afterSeq`, in seq
 * order, with their message ids: a slice of a cycle through all of them, so a backlog
 * is checked a slice per round. `lastSeq` is where the next slice starts (null when this
 * one was the last).
 */
export async function unfinishedRunSlice(
  sql: SqlExecutor,
  afterSeq: string,
  limit: number,
): Promise<{ runs: UnfinishedRun[]; lastSeq: string | null }> {
  const rows = await sql<{ id: string; seq: string; message_id: string | null }[]>`
    select id::text, seq::text, message_id from runs
    where status = any(${UNFINISHED}) and seq > ${afterSeq}::bigint
    order by seq limit ${limit}`;
  const runs = rows.map((row) => ({ id: row.id, messageId: row.message_id }));
  return { runs, lastSeq: rows.length === limit ? (rows[rows.length - 1]?.seq ?? null) : null };
}

/**
 * Ends these runs as failed with their reasons, and closes their open attempts. Each
 * run's status is re-checked under its row lock, so a run that ended meanwhile keeps its
 * own outcome (the runner ends a run in the same transaction as it settles the message,
 * so a message gone because it was acked belongs to a run already ended). Answers the
 * runs it ended.
 */
export async function failAbandonedRuns(sql: SqlExecutor, runs: AbandonedRun[]): Promise<AbandonedRun[]> {
  if (runs.length === 0) return [];
  const ids = runs.map((run) => run.id);
  const reasons = runs.map((run) => run.reason);
  return sql<AbandonedRun[]>`
    with abandoned as (
      select * from unnest(${ids}::uuid[], ${reasons}::text[]) as a(id, reason)
    ),
    ended as (
      update runs r set status = 'failed', finished_at = now(),
        duration_ms = greatest(0, round(extract(epoch from (now() - coalesce(r.started_at, r.created_at))) * 1000))::int,
        error = to_jsonb(a.reason),
        outcome_rules_pending = exists (select 1 from actions x where x.id = r.action_id and x.notification_rules <> '[]'::jsonb)
      from abandoned a where r.id = a.id and r.status = any(${UNFINISHED})
      returning r.id, a.reason
    ),
    closed as (
      update run_attempts t set finished_at = now(), outcome = 'failed',
        duration_ms = greatest(0, round(extract(epoch from (now() - t.started_at)) * 1000))::int,
        error = to_jsonb('abandoned: ' || e.reason)
      from ended e where t.run_id = e.id and t.finished_at is null
    )
    select id::text, reason from ended`;
}
