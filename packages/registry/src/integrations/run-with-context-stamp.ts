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
  const [row] = await sql<StampedRunRow[]>`
    select r.*,
           (select ${contextStampSql(sql)}
            from actions a join deployments d on d.id = a.deployment_id join services s on s.id = d.service_id
            where a.id = ${actionId}) as context_stamp
    from (values (1)) as one (n)
    left join runs r on r.id = ${runId}`;
  if (!row) throw new Error('the run-with-stamp read returned no row');
  return { run: row.id === null ? null : presentRun(row as RunRow), contextStamp: row.context_stamp };
}
