import { z } from 'zod';
import { RUN_STATUSES, type Run, type RunAttempt } from '@interflow/registry';
import { pageQueryShape } from '../http/pagination';

/** Why a run started; every one of them can be listed by. */
const runTrigger = z.enum(['api', 'webhook', 'schedule', 'subscription', 'retry', 'message']);

export const listRunsQuery = z.strictObject({
  ...pageQueryShape,
  action_id: z.uuid().optional(),
  deployment_id: z.uuid().optional(),
  status: z.enum(RUN_STATUSES).optional(),
  trigger: runTrigger.optional(),
  since: z.iso.datetime({ offset: true }).optional().describe('created at or after'),
  until: z.iso.datetime({ offset: true }).optional().describe('created before'),
});

export const attemptJson = z.object({
  attempt: z.number().int(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  duration_ms: z.number().int().nullable(),
  http_status: z.number().int().nullable(),
  outcome: z.enum(['succeeded', 'failed', 'retrying', 'rate_limited']).nullable(),
  error: z.unknown(),
  response: z.unknown(),
});

export const runJson = z.object({
  id: z.uuid(),
  action_id: z.uuid(),
  deployment_id: z.uuid(),
  status: z.enum(RUN_STATUSES),
  trigger: runTrigger,
  triggered_by: z.string().nullable(),
  input: z.record(z.string(), z.unknown()),
  idempotency_key: z.string().nullable(),
  from_cache: z.boolean().describe('answered from the response cache without calling the connector'),
  attempt_count: z.number().int(),
  response: z.unknown(),
  error: z.unknown(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  duration_ms: z.number().int().nullable(),
});

export const runWithAttemptsJson = runJson.extend({ attempts: z.array(attemptJson) });

export type RunJson = z.infer<typeof runJson>;

export function runToJson(run: Run): RunJson {
  return {
    id: run.id,
    action_id: run.actionId,
    deployment_id: run.deploymentId,
    status: run.status,
    trigger: run.trigger,
    triggered_by: run.triggeredBy,
    input: run.input,
    idempotency_key: run.idempotencyKey,
    from_cache: run.fromCache,
    attempt_count: run.attempts,
    response: run.response,
    error: run.error,
    created_at: run.createdAt.toISOString(),
    started_at: run.startedAt?.toISOString() ?? null,
    finished_at: run.finishedAt?.toISOString() ?? null,
    duration_ms: run.durationMs,
  };
}

export function attemptToJson(attempt: RunAttempt): z.infer<typeof attemptJson> {
  return {
    attempt: attempt.attempt,
    started_at: attempt.startedAt.toISOString(),
    finished_at: attempt.finishedAt?.toISOString() ?? null,
    duration_ms: attempt.durationMs,
    http_status: attempt.httpStatus,
    outcome: attempt.outcome,
    error: attempt.error,
    response: attempt.response,
  };
}
