import type { Principal } from '../access/principal';
import {
  type Sql,
  type SqlExecutor,
  jsonParam,
  keysetPage,
  type KeysetPage,
  type KeysetRequest,
  NotFoundError,
} from '@interflow/core';
import { deploymentVisibleSql } from './access-rules';
import { isUniqueViolation } from './unique-violation';

export const RUN_STATUSES = ['queued', 'running', 'retrying', 'succeeded', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
/** How a run came about. */
/** Why a run started (`message`: runs started by subscriptions before triggers were named explicitly). */
export type RunTrigger = 'api' | 'webhook' | 'schedule' | 'subscription' | 'retry' | 'message';

export interface RunAttempt {
  attempt: number;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  httpStatus: number | null;
  outcome: 'succeeded' | 'failed' | 'retrying' | 'rate_limited' | null;
  error: unknown;
  response: unknown;
}

export interface Run {
  id: string;
  actionId: string;
  deploymentId: string;
  status: RunStatus;
  trigger: RunTrigger;
  /** `token:<id>`, `webhook`, `schedule:<id>`, a message sender... */
  triggeredBy: string | null;
  input: Record<string, unknown>;
  inputHash: string;
  idempotencyKey: string | null;
  /** Answered from the response cache: the connector was not called. */
  fromCache: boolean;
  attempts: number;
  response: unknown;
  error: unknown;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  durationMs: number | null;
}

export interface RunRow {
  seq: string;
  id: string;
  action_id: string;
  deployment_id: string;
  status: RunStatus;
  trigger: RunTrigger;
  triggered_by: string | null;
  input: Record<string, unknown>;
  input_hash: string;
  idempotency_key: string | null;
  message_id: string | null;
  from_cache: boolean;
  attempts: number;
  response: unknown;
  error: unknown;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  duration_ms: number | null;
}

interface RunAttemptRow {
  attempt: number;
  started_at: Date;
  finished_at: Date | null;
  duration_ms: number | null;
  http_status: number | null;
  outcome: RunAttempt['outcome'];
  error: unknown;
  response: unknown;
}

export function presentRun(row: RunRow): Run {
  return {
    id: row.id,
    actionId: row.action_id,
    deploymentId: row.deployment_id,
    status: row.status,
    trigger: row.trigger,
    triggeredBy: row.triggered_by,
    input: row.input,
    inputHash: row.input_hash,
    idempotencyKey: row.idempotency_key,
    fromCache: row.from_cache,
    attempts: row.attempts,
    response: row.response,
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
  };
}

export interface NewRun {
  /** Chosen by the caller so a reply waiter can be registered before the run exists. */
  id: string;
  actionId: string;
  deploymentId: string;
  trigger: RunTrigger;
  triggeredBy: string | null;
  input: Record<string, unknown>;
  inputHash: string;
  idempotencyKey?: string | null;
  messageId?: string | null;
}

/**
 * Inserts a `queued` run (inside the caller's transaction, next to its publish). With an
 * idempotency key already used for this action, inserts nothing and returns null.
 */
export async function insertQueuedRun(tx: SqlExecutor, run: NewRun): Promise<Run | null> {
  const [row] = await tx<RunRow[]>`
    insert into runs (id, action_id, deployment_id, status, trigger, triggered_by, input, input_hash, idempotency_key, message_id)
    values (${run.id}, ${run.actionId}, ${run.deploymentId}, 'queued', ${run.trigger}, ${run.triggeredBy},
            ${jsonParam(tx, run.input)}, ${run.inputHash}, ${run.idempotencyKey ?? null}, ${run.messageId ?? null})
    on conflict (action_id, idempotency_key) do nothing
    returning *`;
  return row ? presentRun(row) : null;
}

/** The constraint an Idempotency-Key already used for the action violates. */
const IDEMPOTENCY_KEY_CONSTRAINT = 'runs_action_id_idempotency_key_key';

/**
 * Inserts `queued` runs in ONE statement, for a caller that pipelines its `commit` right
 * behind it (the api's triggers, gathered): the statement is sent at once, so one the
 * caller sends next follows it on the connection. The runs, in the order given; null when
 * an Idempotency-Key was already used for its action (by an earlier run, or by another of
 * these): unlike insertQueuedRun that fails the statement, aborting the transaction (the
 * commit behind it rolls back), and none is written. The rows are written only inside a
 * transaction that has written already (the publish of the runs' messages): the client
 * re-sends a prepared statement the server asked it to plan again (after a schema
 * change), and a re-send that arrives after the rollback must write nothing; it throws
 * instead.
 */
export function sendQueuedRunsInsert(tx: SqlExecutor, runs: NewRun[]): Promise<Run[] | null> {
  const rows = runs.map((run) => ({
    id: run.id,
    action_id: run.actionId,
    deployment_id: run.deploymentId,
    trigger: run.trigger,
    triggered_by: run.triggeredBy,
    input: run.input,
    input_hash: run.inputHash,
    idempotency_key: run.idempotencyKey ?? null,
    message_id: run.messageId ?? null,
  }));
  const insert = tx<RunRow[]>`
    insert into runs (id, action_id, deployment_id, status, trigger, triggered_by, input, input_hash, idempotency_key, message_id)
    select r.id, r.action_id, r.deployment_id, 'queued', r.trigger, r.triggered_by, r.input, r.input_hash, r.idempotency_key, r.message_id
    from jsonb_to_recordset(${jsonParam(tx, rows)}) as r(id uuid, action_id uuid, deployment_id uuid, trigger text, triggered_by text,
                                                       input jsonb, input_hash text, idempotency_key text, message_id text)
    where pg_current_xact_id_if_assigned() is not null
    returning *`.execute();
  return insert.then(
    (inserted) => {
      const byId = new Map(inserted.map((row) => [row.id, row]));
      return runs.map((run) => {
        const row = byId.get(run.id);
        if (!row) throw new Error(`run ${run.id} was not inserted: its statement ran outside the transaction that published its message`);
        return presentRun(row);
      });
    },
    (error: unknown) => {
      if (isUniqueViolation(error, IDEMPOTENCY_KEY_CONSTRAINT)) return null;
      throw error;
    },
  );
}

/**
 * Records which broker message carries a queued run's request (in the transaction that
 * published it), so housekeeping can tell when that message is gone while the run never
 * ended.
 */
export async function recordRunMessage(tx: SqlExecutor, runId: string, messageId: string): Promise<void> {
  await tx`update runs set message_id = ${messageId} where id = ${runId}`;
}

/** Records a run answered from the response cache: succeeded at once, no attempt, no connector call. */
export async function insertCachedRun(sql: SqlExecutor, run: NewRun, response: unknown): Promise<Run | null> {
  const [row] = await sql<RunRow[]>`
    insert into runs (id, action_id, deployment_id, status, trigger, triggered_by, input, input_hash, idempotency_key,
                      from_cache, response, started_at, finished_at, duration_ms)
    values (${run.id}, ${run.actionId}, ${run.deploymentId}, 'succeeded', ${run.trigger}, ${run.triggeredBy},
            ${jsonParam(sql, run.input)}, ${run.inputHash}, ${run.idempotencyKey ?? null}, true, ${jsonParam(sql, response)},
            now(), now(), 0)
    on conflict (action_id, idempotency_key) do nothing
    returning *`;
  return row ? presentRun(row) : null;
}

export async function findRunByIdempotencyKey(sql: SqlExecutor, actionId: string, key: string): Promise<Run | null> {
  const [row] = await sql<RunRow[]>`select * from runs where action_id = ${actionId} and idempotency_key = ${key}`;
  return row ? presentRun(row) : null;
}

export async function getRun(sql: SqlExecutor, id: string): Promise<Run> {
  const [row] = await sql<RunRow[]>`select * from runs where id = ${id}`;
  if (!row) throw new NotFoundError('run', id);
  return presentRun(row);
}

/** Every attempt of a run, first first. */
export async function listRunAttempts(sql: SqlExecutor, runId: string): Promise<RunAttempt[]> {
  const rows = await sql<RunAttemptRow[]>`select * from run_attempts where run_id = ${runId} order by attempt`;
  return rows.map((row) => ({
    attempt: row.attempt,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
    httpStatus: row.http_status,
    outcome: row.outcome,
    error: row.error,
    response: row.response,
  }));
}

export interface RunFilter {
  actionId?: string;
  deploymentId?: string;
  status?: RunStatus;
  trigger?: RunTrigger;
  /** Created at or after. */
  since?: Date;
  /** Created before. */
  until?: Date;
}

/** Runs of deployments the principal may read, newest first. */
export async function listRuns(sql: Sql, principal: Principal, request: KeysetRequest & RunFilter): Promise<KeysetPage<Run>> {
  const rows = await sql<RunRow[]>`
    -- left join: runs outlive a deployment their action moved away from (then only unscoped tokens see them)
    select r.* from runs r left join deployments d on d.id = r.deployment_id
    where (${request.after ?? null}::bigint is null or r.seq < ${request.after ?? null})
      and (${request.actionId ?? null}::uuid is null or r.action_id = ${request.actionId ?? null})
      and (${request.deploymentId ?? null}::uuid is null or r.deployment_id = ${request.deploymentId ?? null})
      and (${request.status ?? null}::text is null or r.status = ${request.status ?? null})
      and (${request.trigger ?? null}::text is null or r.trigger = ${request.trigger ?? null})
      and (${request.since ?? null}::timestamptz is null or r.created_at >= ${request.since ?? null})
      and (${request.until ?? null}::timestamptz is null or r.created_at < ${request.until ?? null})
      and ${deploymentVisibleSql(sql, principal, 'd')}
    order by r.seq desc
    limit ${request.limit + 1}`;
  return keysetPage(rows, request.limit, presentRun);
}

/** Runs created in one minute with one status (the overview's chart). */
export interface RunsInMinute {
  minute: Date;
  status: RunStatus;
  count: number;
}

/**
 * Runs of deployments the principal may read created in the last `minutes` minutes, by
 * minute and current status. Served by `runs_created` (created_at); a minute without
 * runs has no row.
 */
export async function runsPerMinute(sql: Sql, principal: Principal, minutes: number, now: Date): Promise<RunsInMinute[]> {
  const rows = await sql<{ minute: Date; status: RunStatus; count: number }[]>`
    select date_trunc('minute', r.created_at) as minute, r.status, count(*)::int as count
    from runs r left join deployments d on d.id = r.deployment_id
    where r.created_at >= date_trunc('minute', ${now}::timestamptz) - (${minutes - 1} * interval '1 minute')
      and ${deploymentVisibleSql(sql, principal, 'd')}
    group by 1, 2
    order by 1, 2`;
  return rows.map((row) => ({ minute: row.minute, status: row.status, count: row.count }));
}
