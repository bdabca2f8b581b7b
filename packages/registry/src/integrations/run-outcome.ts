import type { SqlExecutor } from '@interflow/core';
import type { NotificationRuleDocument } from './actions';

/** What a run's end means for its action's notification rules. */
export interface RunOutcome {
  runId: string;
  actionId: string;
  actionName: string;
  status: 'succeeded' | 'failed';
  response: unknown;
  error: string | null;
  notificationRules: NotificationRuleDocument[];
  /**
   * The action's failed runs since its last success: how many, and that success (null:
   * none yet). The streak is named by the success before it, which every reader sees
   * alike however the failures' own commits interleave. Null when the run succeeded or
   * nothing failed.
   */
  failureStreak: { count: number; sinceRunId: string | null } | null;
}

function errorText(error: unknown): string | null {
  if (error === null || error === undefined) return null;
  if (typeof error === 'string') return error;
  const fields = error as { message?: unknown; error?: unknown };
  if (typeof fields.message === 'string') return fields.message;
  if (typeof fields.error === 'string') return fields.error;
  return JSON.stringify(error);
}

/** The outcome of a finished run, or null while it has not finished (or is gone). */
export async function readRunOutcome(sql: SqlExecutor, runId: string): Promise<RunOutcome | null> {
  const [row] = await sql<
    { id: string; action_id: string; name: string; status: string; response: unknown; error: unknown; notification_rules: NotificationRuleDocument[] }[]
  >`
    select r.id, r.action_id, a.name, r.status, r.response, r.error, a.notification_rules
    from runs r join actions a on a.id = r.action_id
    where r.id = ${runId} and r.status in ('succeeded', 'failed')`;
  if (!row) return null;
  // A success ends any streak: nothing more to read.
  const [streak] = row.status === 'succeeded' ? [] : await sql<{ count: number; since_run_id: string | null }[]>`
    with last_success as (
      select s.id, s.finished_at from runs s
      where s.action_id = ${row.action_id} and s.status = 'succeeded' and s.finished_at is not null
      order by s.finished_at desc, s.seq desc limit 1
    )
    select count(f.id)::int as count, (select id from last_success) as since_run_id
    from runs f
    where f.action_id = ${row.action_id} and f.status = 'failed'
      and f.finished_at > coalesce((select finished_at from last_success), '-infinity')`;
  return {
    runId: row.id,
    actionId: row.action_id,
    actionName: row.name,
    status: row.status as 'succeeded' | 'failed',
    response: row.response,
    error: errorText(row.error),
    notificationRules: row.notification_rules,
    failureStreak: streak && streak.count > 0 ? { count: streak.count, sinceRunId: streak.since_run_id } : null,
  };
}
