import type { SqlExecutor } from '@interflow/core';

/**
 * Run-outcome rules not yet raised. A run that ends while its action has notification
 * rules is marked in the run-end statement itself (run-recording.ts, abandoned-runs.ts),
 * so the mark commits exactly when the end does; whoever raises the rules clears it.
 * A mark left behind (the daemon died between the commit and the raise) is found here.
 */

/** Runs ended at or before `endedBy` whose rules were never raised, oldest first (the partial index keeps this cheap). */
export async function runsAwaitingOutcomeRules(sql: SqlExecutor, endedBy: Date, limit: number): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    select id::text from runs
    where outcome_rules_pending and finished_at <= ${endedBy}
    order by finished_at limit ${limit}`;
  return rows.map((row) => row.id);
}

/** The run's rules were raised (or need nothing): its mark goes. Repeating it changes nothing. */
export async function markOutcomeRulesRaised(sql: SqlExecutor, runId: string): Promise<void> {
  await sql`update runs set outcome_rules_pending = false where id = ${runId} and outcome_rules_pending`;
}
