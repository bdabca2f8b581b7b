import { type SqlExecutor } from '@interflow/core';
import { contextStampSql } from './action-context';
import { presentRun, type Run, type RunRow } from './runs';

/** A run as the runner first reads it, with the stamp of its action's context. */
export interface RunWithContextStamp {
  /** Null when no run has this id (deleted, or never written). */
  run: Run | null;
  /** `ActionContext.stamp` of the action as it is now; null when the action is gone. */
  contextStamp: string | null;
}

type StampedRunRow = { [K in keyof RunRow]: RunRow[K] | null } & { context_stamp: string | null };

/**
 * The run a message names and the current stamp of the action's context, in ONE read
 * (the runner used to read the whole context, secrets and all, for every run). A stamp
 * equal to the one of a context read earlier means none of its rows changed since. Reads
 * only; takes no lock.
 */
export async function runWithContextStamp(sql: SqlExecutor, runId: string, actionId: string): Promise<RunWithContextStamp> {
  const [found] = await runsWithContextStamp(sql, [{ runId, actionId }]);
  if (!found) throw new Error('the run-with-stamp read returned no row');
  return found;
}

/**
 * `runWithContextStamp` for several runs in one statement (a runner reads the runs of
 * the messages it was handed together this way): one answer per lookup, in order; the
 * same run may be asked for twice. Every id must be a uuid (else the statement fails,
 * 22P02, for all of them). Params: run ids and action ids, as parallel arrays.
 */
export async function runsWithContextStamp(sql: SqlExecutor, lookups: { runId: string; actionId: string }[]): Promise<RunWithContextStamp[]> {
  if (lookups.length === 0) return [];
  const rows = await sql<(StampedRunRow & { lookup: string })[]>`
    select w.lookup::text as lookup, r.*,
           (select ${contextStampSql(sql)}
            from actions a join deployments d on d.id = a.deployment_id join services s on s.id = d.service_id
            where a.id = w.action_id) as context_stamp
    from unnest(${lookups.map((l) => l.runId)}::uuid[], ${lookups.map((l) => l.actionId)}::uuid[]) with ordinality as w (run_id, action_id, lookup)
    left join runs r on r.id = w.run_id`;
  const answers: (RunWithContextStamp | undefined)[] = new Array(lookups.length);
  for (const { lookup, ...row } of rows) {
    answers[Number(lookup) - 1] = { run: row.id === null ? null : presentRun(row as RunRow), contextStamp: row.context_stamp };
  }
  return answers.map((answer) => {
    if (!answer) throw new Error('the run-with-stamp read left a lookup unanswered');
    return answer;
  });
}
