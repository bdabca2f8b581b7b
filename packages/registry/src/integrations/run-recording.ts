/**
 * What the runner writes while executing a run (its side of the registry's contract, listed
 * in `integrations/index.ts`; the message it runs is `run-request/`). Every function
 * is one statement, safe to repeat after a redelivery, and takes an executor so it can
 * join the runner's own transaction (e.g. completing a run next to acking its message).
 */
import { type SqlExecutor, jsonParam, NotFoundError } from '@interflow/core';
import { hashRunInput } from './run-input';
import { presentRun, type Run, type RunRow, type RunTrigger } from './runs';

export interface RunForMessage {
  /** The broker message id: the run's unique key, so a redelivery finds the same run. */
  messageId: string;
  actionId: string;
  input: Record<string, unknown>;
  trigger: RunTrigger;
  triggeredBy: string | null;
}

/**
 * The run of an action message that came without `run_id` (schedules, routed results):
 * created on first delivery, found again on every redelivery.
 */
export async function ensureRunForMessage(sql: SqlExecutor, message: RunForMessage): Promise<Run> {
  const inserted = await sql<RunRow[]>`
    insert into runs (action_id, deployment_id, status, trigger, triggered_by, input, input_hash, message_id)
    select a.id, a.deployment_id, 'queued', ${message.trigger}, ${message.triggeredBy}, ${jsonParam(sql, message.input)},
           ${hashRunInput(message.input)}, ${message.messageId}
    from actions a where a.id = ${message.actionId}
    on conflict (message_id) do nothing
    returning *`;
  const row = inserted[0] ?? (await sql<RunRow[]>`select * from runs where message_id = ${message.messageId}`)[0];
  if (!row) throw new NotFoundError('action', message.actionId);
  return presentRun(row);
}

/**
 * Marks attempt `attempt` started: the run becomes `running` (started_at set on the
 * first attempt) and the attempt row is written, or restarted if a crashed runner left it.
 * Run on its own (not inside a caller's transaction), it commits without waiting for the
 * WAL flush: every later durable commit flushes it first, the settle of the run's message
 * among them, so only a database crash before that settle can lose it, and then the
 * message is still queued and the attempt is started again when it comes back.
 */
export async function startRunAttempt(sql: SqlExecutor, runId: string, attempt: number, startedAt: Date): Promise<void> {
  const [started] = await startRunAttempts(sql, [{ runId, attempt, startedAt }]);
  if (!started) throw new NotFoundError('run', runId);
}

export interface AttemptStart {
  runId: string;
  attempt: number;
  startedAt: Date;
}

/**
 * `startRunAttempt` for several runs in ONE statement (and so one commit, without waiting
 * for the WAL flush, as above): a runner starts the attempts of the messages it was handed
 * together this way. Answers, in order, whether each run was there. Each run at most once
 * in a call (the attempt row could not be written twice by one statement). Params: run
 * ids, attempts and start times, as parallel arrays.
 */
export async function startRunAttempts(sql: SqlExecutor, starts: AttemptStart[]): Promise<boolean[]> {
  if (starts.length === 0) return [];
  if (new Set(starts.map((s) => s.runId)).size !== starts.length) throw new Error('startRunAttempts: a run is named twice');
  const started = await sql<{ run_id: string }[]>`
    with async_commit as (select set_config('synchronous_commit', 'off', true)),
    wanted as (
      select * from unnest(${starts.map((s) => s.runId)}::uuid[], ${starts.map((s) => s.attempt)}::int[],
                           ${starts.map((s) => s.startedAt.toISOString())}::timestamptz[]) as w (run_id, attempt, started_at)
    ),
    run as (
      update runs r set status = 'running', attempts = greatest(r.attempts, w.attempt),
                        started_at = coalesce(r.started_at, w.started_at)
      from wanted w
      where r.id = w.run_id
      returning r.id, w.attempt, w.started_at
    )
    insert into run_attempts (run_id, attempt, started_at)
    select id, attempt, started_at from run, async_commit
    on conflict (run_id, attempt) do update
      set started_at = excluded.started_at, finished_at = null, duration_ms = null, http_status = null,
          outcome = null, error = null, response = null
    returning run_id::text`;
  const there = new Set(started.map((row) => row.run_id));
  return starts.map((s) => there.has(s.runId.toLowerCase()));
}

export interface AttemptOutcome {
  finishedAt: Date;
  outcome: 'succeeded' | 'failed' | 'retrying' | 'rate_limited';
  httpStatus?: number | null;
  /** Redacted by the caller: no secret may be stored here. */
  error?: unknown;
  response?: unknown;
}

/** Closes an attempt row with its outcome and duration. */
export async function finishRunAttempt(sql: SqlExecutor, runId: string, attempt: number, result: AttemptOutcome): Promise<void> {
  await sql`
    update run_attempts set
      finished_at = ${result.finishedAt},
      duration_ms = greatest(0, round(extract(epoch from (${result.finishedAt}::timestamptz - started_at)) * 1000))::int,
      outcome = ${result.outcome},
      http_status = ${result.httpStatus ?? null},
      error = ${result.error === undefined ? null : jsonParam(sql, result.error)},
      response = ${result.response === undefined ? null : jsonParam(sql, result.response)}
    where run_id = ${runId} and attempt = ${attempt}`;
}

/** The run will be tried again later (the message was nacked with a delay). */
export async function markRunRetrying(sql: SqlExecutor, runId: string): Promise<void> {
  await sql`update runs set status = 'retrying' where id = ${runId} and status not in ('succeeded', 'failed')`;
}

export interface RunCompletion {
  status: 'succeeded' | 'failed';
  finishedAt: Date;
  response?: unknown;
  error?: unknown;
}

/**
 * Ends a run for good, only if it has not ended yet: answers true when this call ended
 * it, false when it had already ended (its first outcome stands). Call it in the same
 * transaction as the attempt's outcome and the settle of its message: the row lock it
 * takes makes a second completion wait, then see the first.
 */
export async function completeRunOnce(sql: SqlExecutor, runId: string, completion: RunCompletion): Promise<boolean> {
  const rows = await sql`
    update runs set
      status = ${completion.status},
      finished_at = ${completion.finishedAt},
      duration_ms = greatest(0, round(extract(epoch from (${completion.finishedAt}::timestamptz - coalesce(started_at, created_at))) * 1000))::int,
      response = ${completion.response === undefined ? null : jsonParam(sql, completion.response)},
      error = ${completion.error === undefined ? null : jsonParam(sql, completion.error)},
      -- its action's notification rules are still to be raised for it (run-outcome-pending.ts)
      outcome_rules_pending = exists (select 1 from actions a where a.id = runs.action_id and a.notification_rules <> '[]'::jsonb)
    where id = ${runId} and status not in ('succeeded', 'failed')
    returning id`;
  return rows.length > 0;
}

/**
 * Ends a run for good. A run already ended stays as it was (a redelivered message whose
 * first delivery had finished does not overwrite the recorded outcome); returns the run.
 */
export async function completeRun(sql: SqlExecutor, runId: string, completion: RunCompletion): Promise<Run> {
  const [row] = await sql<RunRow[]>`
    update runs set
      status = ${completion.status},
      finished_at = ${completion.finishedAt},
      duration_ms = greatest(0, round(extract(epoch from (${completion.finishedAt}::timestamptz - coalesce(started_at, created_at))) * 1000))::int,
      response = ${completion.response === undefined ? null : jsonParam(sql, completion.response)},
      error = ${completion.error === undefined ? null : jsonParam(sql, completion.error)},
      -- its action's notification rules are still to be raised for it (run-outcome-pending.ts)
      outcome_rules_pending = exists (select 1 from actions a where a.id = runs.action_id and a.notification_rules <> '[]'::jsonb)
    where id = ${runId} and status not in ('succeeded', 'failed')
    returning *`;
  if (row) return presentRun(row);
  const [existing] = await sql<RunRow[]>`select * from runs where id = ${runId}`;
  if (!existing) throw new NotFoundError('run', runId);
  return presentRun(existing);
}

/** How the attempt is recorded, depending on whether `endRunWithAttempt` ended the run. */
export interface AttemptEnding {
  /** This call ended the run. */
  ifEnded: Omit<AttemptOutcome, 'finishedAt' | 'httpStatus' | 'response'>;
  /** The run had ended before (a second answer for it): its first outcome stands. */
  ifAlreadyEnded: Omit<AttemptOutcome, 'finishedAt' | 'httpStatus' | 'response'>;
  httpStatus: number | null;
  response?: unknown;
}

/** One run's end for `endRunsWithAttempts`: the run, its attempt, how it ended and how the attempt is recorded. */
export interface RunEnding {
  runId: string;
  attempt: number;
  completion: RunCompletion;
  ending: AttemptEnding;
}

/**
 * `completeRunOnce` and `finishRunAttempt` in ONE statement (one round trip of the
 * runner's settle transaction fewer): ends the run only if it has not ended yet and
 * closes the attempt with the outcome that fits, answering true when this call ended the
 * run. Both updates see the same snapshot; the run's row lock makes a concurrent second
 * completion wait, then see the first (the attempt is then recorded `ifAlreadyEnded`).
 * Call it in the transaction that settles the run's message.
 */
export async function endRunWithAttempt(
  sql: SqlExecutor,
  runId: string,
  attempt: number,
  completion: RunCompletion,
  ending: AttemptEnding,
): Promise<boolean> {
  const [endedNow] = await endRunsWithAttempts(sql, [{ runId, attempt, completion, ending }]);
  return endedNow === true;
}

/**
 * `endRunWithAttempt` for several runs in ONE statement: the runner ends the runs whose
 * messages it settles together this way. Answers, in order, whether each call ended its
 * run. Each run at most once in a call: both updates of one statement see the same
 * snapshot, so a second end of the same run could not see the first (send it in a
 * statement after, which does). The rows travel as one JSON array; each value that may
 * be absent is wrapped (`{"v": …}`), because a bare JSON null would arrive as SQL NULL
 * where the single-run statement stored a JSON null.
 */
export async function endRunsWithAttempts(sql: SqlExecutor, ends: RunEnding[]): Promise<boolean[]> {
  if (ends.length === 0) return [];
  if (new Set(ends.map((end) => end.runId.toLowerCase())).size !== ends.length) throw new Error('endRunsWithAttempts: a run is named twice');
  const present = (value: unknown) => (value === undefined ? undefined : { v: value });
  const rows = ends.map(({ runId, attempt, completion, ending }, n) => ({
    n,
    run_id: runId,
    attempt,
    status: completion.status,
    finished_at: completion.finishedAt.toISOString(),
    http_status: ending.httpStatus,
    run_response: present(completion.response),
    run_error: present(completion.error),
    attempt_response: present(ending.response),
    ended_outcome: ending.ifEnded.outcome,
    ended_error: present(ending.ifEnded.error),
    already_outcome: ending.ifAlreadyEnded.outcome,
    already_error: present(ending.ifAlreadyEnded.error),
  }));
  const answered = await sql<{ n: number; ended_now: boolean }[]>`
    with wanted as (
      select * from jsonb_to_recordset(${jsonParam(sql, rows)}) as w (
        n int, run_id uuid, attempt int, status text, finished_at timestamptz, http_status int,
        run_response jsonb, run_error jsonb, attempt_response jsonb,
        ended_outcome text, ended_error jsonb, already_outcome text, already_error jsonb)
    ), ended as (
      update runs r set
        status = w.status,
        finished_at = w.finished_at,
        duration_ms = greatest(0, round(extract(epoch from (w.finished_at - coalesce(r.started_at, r.created_at))) * 1000))::int,
        response = w.run_response -> 'v',
        error = w.run_error -> 'v',
        -- its action's notification rules are still to be raised for it (run-outcome-pending.ts)
        outcome_rules_pending = exists (select 1 from actions a where a.id = r.action_id and a.notification_rules <> '[]'::jsonb)
      from wanted w
      where r.id = w.run_id and r.status not in ('succeeded', 'failed')
      returning r.id
    ), closed as (
      update run_attempts a set
        finished_at = w.finished_at,
        duration_ms = greatest(0, round(extract(epoch from (w.finished_at - a.started_at)) * 1000))::int,
        outcome = case when e.id is not null then w.ended_outcome else w.already_outcome end,
        http_status = w.http_status,
        error = case when e.id is not null then w.ended_error -> 'v' else w.already_error -> 'v' end,
        response = w.attempt_response -> 'v'
      from wanted w left join ended e on e.id = w.run_id
      where a.run_id = w.run_id and a.attempt = w.attempt
    )
    select w.n, e.id is not null as ended_now from wanted w left join ended e on e.id = w.run_id`;
  const endedNow = new Array<boolean>(ends.length).fill(false);
  for (const row of answered) endedNow[row.n] = row.ended_now;
  return endedNow;
}
