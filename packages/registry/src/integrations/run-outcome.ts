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
   * The streak of failures this run belongs to: the action's failed runs since the last
   * success before this run (up to the next success, if one came since), how many, and
   * that success (null: none yet). The streak is named by the success before it, which
   * every reader sees alike however the failures' own commits interleave, and read
   * relative to the run, so a raise made up later (housekeeping) names the same streak.
   * Null when the run succeeded.
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
  const streak = row.status === 'failed' ? await failureStreakOf(sql, row.action_id, row.id) : null;
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

/** The failed run's streak: failures after the last success before it, and before the next success after it (if any). */
async function failureStreakOf(sql: SqlExecutor, actionId: string, runId: string): Promise<{ count: number; since_run_id: string | null } | undefined> {
  const [streak] = await sql<{ count: number; since_run_id: string | null }[]>`
    with this_run as (select finished_at from runs where id = ${runId}),
    last_success as (
      select s.id, s.finished_at from runs s
      where s.action_id = ${actionId} and s.status = 'succeeded' and s.finished_at is not null
        and s.finished_at <= (select finished_at from this_run)
      order by s.finished_at desc, s.seq desc limit 1
    ),
    next_success as (
      select min(s.finished_at) as finished_at from runs s
      where s.action_id = ${actionId} and s.status = 'succeeded' and s.finished_at > (select finished_at from this_run)
    )
    select count(f.id)::int as count, (select id from last_success) as since_run_id
    from runs f
    where f.action_id = ${actionId} and f.status = 'failed'
      and f.finished_at > coalesce((select finished_at from last_success), '-infinity')
      and f.finished_at < coalesce((select finished_at from next_success), 'infinity')`;
  return streak;
}
