import { type Broker, DEFAULT_EXCHANGE, type Publication } from '@interflow/broker';
import crypto from 'node:crypto';
import { ConflictError, type Clock, type Logger, type Sql } from '@interflow/core';
import {
  assertMatchesSchema,
  findFreshResponse,
  findRunByIdempotencyKey,
  getRun,
  hashRunInput,
  insertCachedRun,
  mergeRunInput,
  runRequestMessage,
  type Action,
  type NewRun,
  type Run,
  type RunRequestKeys,
  type ServiceMethod,
} from '@interflow/registry';
import type { QueuedRun } from './queue-run';
import type { QueuedRunWriter } from './queued-run-writer';
import type { RunReplies } from './run-replies';
import type { TriggerMetrics, TriggerResult } from './trigger-metrics';

export interface TriggerDependencies {
  sql: Sql;
  broker: Broker;
  replies: RunReplies;
  clock: Clock;
  triggerMetrics: TriggerMetrics;
  /** Signs the run requests (the runner executes nothing else). */
  runRequestKeys: RunRequestKeys;
  /** Writes each queued run with its message, concurrent triggers in one transaction. */
  runWriter: QueuedRunWriter;
}

export interface TriggerRequest {
  action: Action;
  /** The action's method, read with the action (`findWebhookTargets`, `findActionTarget`). */
  method: ServiceMethod;
  /** The trigger's input, merged over the action's default input. */
  input: Record<string, unknown> | undefined;
  trigger: 'api' | 'webhook';
  /** `token:<id>` or `webhook`: recorded on the run and sent as the message's sender. */
  triggeredBy: string;
  idempotencyKey?: string | undefined;
  /** 0: answer at once; more: wait up to this long for the run to end. */
  waitMs: number;
  log: Logger;
}

export interface TriggerOutcome {
  run: Run;
  /** An earlier run with the same Idempotency-Key, returned instead of a new one. */
  replayed: boolean;
}

const FINISHED = new Set(['succeeded', 'failed']);

export function runIsFinished(run: Run): boolean {
  return FINISHED.has(run.status);
}

/** An earlier run for the key, refused (409) when it was started with a different input. */
async function replayOf(sql: Sql, actionId: string, key: string, inputHash: string): Promise<TriggerOutcome | null> {
  const earlier = await findRunByIdempotencyKey(sql, actionId, key);
  if (!earlier) return null;
  if (earlier.inputHash !== inputHash) {
    throw new ConflictError('this Idempotency-Key was already used with a different input', { runId: earlier.id });
  }
  return { run: earlier, replayed: true };
}

/**
 * Starts a run of an action: checks the input against the method's JSON Schema, answers
 * from the response cache when a fresh entry exists (recorded as a run, connector not
 * called), else writes the `queued` run and publishes its message in one transaction.
 * With `waitMs`, waits for the runner's reply on this instance's reply queue.
 */
export async function triggerRun(deps: TriggerDependencies, request: TriggerRequest): Promise<TriggerOutcome> {
  const { outcome, result } = await startRun(deps, request);
  deps.triggerMetrics.runsTriggered.inc({ trigger: request.trigger, result });
  return outcome;
}

async function startRun(deps: TriggerDependencies, request: TriggerRequest): Promise<{ outcome: TriggerOutcome; result: TriggerResult }> {
  const { action, method } = request;
  const input = mergeRunInput(action.defaultInput, request.input);
  if (method.input_schema) assertMatchesSchema(method.input_schema, input, 'input', 'the input');
  const inputHash = hashRunInput(input);
  const key = request.idempotencyKey;
  if (key) {
    const replay = await replayOf(deps.sql, action.id, key, inputHash);
    if (replay) return { outcome: replay, result: 'replayed' };
  }
  const newRun: NewRun = {
    id: crypto.randomUUID(),
    actionId: action.id,
    deploymentId: action.deploymentId,
    trigger: request.trigger,
    triggeredBy: request.triggeredBy,
    input,
    inputHash,
    idempotencyKey: key ?? null,
  };

  if (action.cacheTtlMs !== null) {
    const cached = await findFreshResponse(deps.sql, action.id, inputHash, deps.clock.now());
    if (cached) {
      const run = await insertCachedRun(deps.sql, newRun, cached.response);
      if (run) {
        logRun(request, newRun, 'run answered from the response cache', { cachedFromRunId: cached.runId });
        return { outcome: { run, replayed: false }, result: 'cached' };
      }
      return { outcome: (await replayOf(deps.sql, action.id, key ?? '', inputHash)) ?? raceLost(newRun), result: 'replayed' };
    }
  }

  const waiter = request.waitMs > 0 && deps.replies.ready ? deps.replies.expect(newRun.id) : null;
  const replyTo = waiter ? deps.replies.queue : null;
  const runRequest = runRequestMessage(deps.runRequestKeys, { actionId: action.id, runId: newRun.id, input, trigger: request.trigger }, replyTo);
  const publication: Publication = {
    exchange: DEFAULT_EXCHANGE,
    routingKey: action.queue,
    mandatory: true,
    message: {
      payload: runRequest.payload,
      headers: runRequest.headers,
      correlationId: newRun.id,
      sender: request.triggeredBy,
      ...(replyTo ? { replyTo } : {}),
    },
  };
  let queued: QueuedRun | null;
  try {
    // The message first, then the run with its message id (one statement fewer than
    // inserting the run, publishing and recording the id), in one transaction and two
    // round trips, shared with the triggers arriving alongside. When another request with
    // the same Idempotency-Key inserted its run meanwhile, nothing of this one is written.
    queued = await deps.runWriter.write(publication, newRun);
  } catch (error) {
    waiter?.cancel();
    throw error;
  }
  if (!queued) {
    // Another request with the same Idempotency-Key won the insert meanwhile.
    waiter?.cancel();
    return { outcome: (await replayOf(deps.sql, action.id, key ?? '', inputHash)) ?? raceLost(newRun), result: 'replayed' };
  }
  // Consumers are woken after the commit, not by a NOTIFY inside it: notifying transactions commit one at a time.
  deps.broker.announceCommitted(queued.receipts);
  const { run } = queued;
  logRun(request, newRun, 'run queued', { queue: action.queue, trigger: request.trigger });
  if (!waiter) return { outcome: { run, replayed: false }, result: 'queued' };

  const reply = await waiter.wait(request.waitMs);
  const current = await getRun(deps.sql, run.id);
  if (reply && !runIsFinished(current) && FINISHED.has(reply.status)) {
    // The reply can overtake the runner's own write becoming visible here; trust it.
    const ended = { ...current, status: reply.status as Run['status'], response: reply.response ?? null, error: reply.error ?? null };
    return { outcome: { run: ended, replayed: false }, result: 'queued' };
  }
  return { outcome: { run: current, replayed: false }, result: 'queued' };
}

/** An info line with the run's ids; nothing is built when info is off (every trigger passes here). */
function logRun(request: TriggerRequest, run: NewRun, message: string, fields: Record<string, unknown>): void {
  if (!request.log.isInfoEnabled()) return;
  request.log.info(message, { actionId: run.actionId, runId: run.id, deploymentId: run.deploymentId, ...fields });
}

function raceLost(run: NewRun): never {
  throw new ConflictError('a concurrent request with this Idempotency-Key is being processed; retry', { actionId: run.actionId });
}
