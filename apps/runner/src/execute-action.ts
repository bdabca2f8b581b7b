import type { Clock, Delivery, DeliveryControl, Logger } from '@interflow/core';
import { isUnrunnable, type ActionPlan, type ActionPlans } from './action-plan';
import type { OutcomeAnnouncer } from './announce-run-end';
import { callConnector, CallInterrupted } from './call-connector';
import type { CallOutcome } from './call-outcome';
import { keepLeaseAlive } from './lease-keeper';
import { CallPermits, LimitWaitExceeded, type CallPermit } from './limits/call-permits';
import type { ResponseCache } from './response-cache';
import { isFinal, type OpenedRun, type RunLedger } from './run-ledger';
import { mergeInput, type RunRequest } from './run-request';
import type { RunnerMetrics } from './runner-metrics';
import { decideSettlement } from './settlement';

export interface ExecutorDependencies {
  plans: ActionPlans;
  ledger: RunLedger;
  cache: ResponseCache;
  permits: CallPermits;
  announcer: OutcomeAnnouncer;
  metrics: RunnerMetrics;
  logger: Logger;
  clock: Clock;
  leaseMs: number;
  /** Largest connector answer read (RUNNER_MAX_RESPONSE_BYTES). */
  maxResponseBytes: number;
  /** The queue's own attempt limit: the run must fail before the broker dead-letters on its own. */
  queueMaxAttempts(queue: string): Promise<number>;
  /** Aborted when the shutdown grace period is over: in-flight calls are abandoned and their messages put back. */
  drainSignal: AbortSignal;
}

const MAX_REASON_LENGTH = 4000;

/**
 * Runs the action a delivery asks for and settles the delivery by the outcome
 * (settlement.ts holds the rules). Every path settles the delivery explicitly, records
 * what it did on the run, and counts itself in the metrics.
 */
export async function executeAction(deps: ExecutorDependencies, delivery: Delivery, control: DeliveryControl, request: RunRequest) {
  let log = deps.logger.child({ messageId: delivery.messageId, queue: delivery.queue, actionId: request.actionId, attempt: delivery.attempt });
  const plan = await deps.plans.load(request.actionId);
  if (isUnrunnable(plan)) return refuseUnrunnable(deps, delivery, control, request, plan.unrunnable, log);
  const input = mergeInput(plan.defaultInput, request.input);
  const run = await deps.ledger.open({
    runId: request.runId,
    actionId: plan.actionId,
    messageId: delivery.messageId,
    input,
    sender: delivery.sender,
  });
  log = log.child({ runId: run.runId, deploymentId: plan.deployment.id });

  if (isFinal(run.status)) {
    // Recorded before a crash stopped the ack: say it again (replies are deduplicated), do not call again.
    log.info('run already ended; re-announcing and acking', { status: run.status });
    await deps.announcer.announce(delivery, plan, { runId: run.runId, status: run.status, response: run.response, error: run.error });
    deps.metrics.deliveries.inc({ outcome: 'already_done' });
    return control.ack();
  }

  const abort = AbortSignal.any([control.signal, deps.drainSignal]);
  let permit: CallPermit;
  try {
    permit = await deps.permits.acquire(plan.deployment.id, plan.deployment.limits, plan.timeoutMs, abort);
  } catch (error) {
    if (error instanceof LimitWaitExceeded) {
      log.info('deployment limit reached; putting the message back', { limit: error.limit, retryInMs: error.retryInMs });
      deps.metrics.deliveries.inc({ outcome: 'limited' });
      return control.nack({ delayMs: error.retryInMs, countAttempt: false, reason: error.message });
    }
    if (abort.aborted) return putBack(deps, control, log, 'stopped while waiting for the deployment limit');
    throw error;
  }

  const attempt = run.attempts + 1;
  log = log.child({ runAttempt: attempt });
  let result: { outcome: CallOutcome; durationMs: number };
  try {
    result = await callWithLease(deps, delivery, control, plan, run, input, attempt, abort, log);
  } catch (error) {
    if (!(error instanceof CallInterrupted)) throw error;
    await deps.ledger.finishAttempt(run.runId, attempt, { outcome: 'retrying', httpStatus: null, error: error.message, response: null });
    return putBack(deps, control, log, error.message);
  } finally {
    await permit.release().catch((error: unknown) => log.warn('could not release the call slot', { error: String(error) }));
  }
  await settle(deps, delivery, control, plan, run.runId, attempt, input, result, log);
}

async function callWithLease(
  deps: ExecutorDependencies,
  delivery: Delivery,
  control: DeliveryControl,
  plan: ActionPlan,
  run: OpenedRun,
  input: Record<string, unknown>,
  attempt: number,
  abort: AbortSignal,
  log: Logger,
) {
  await deps.ledger.beginAttempt(run.runId, attempt);
  const stopLease = keepLeaseAlive(control, deps.leaseMs, log);
  deps.metrics.callsInFlight.inc();
  try {
    return await callConnector({
      baseUrl: plan.service.baseUrl,
      verb: plan.method.verb,
      path: plan.method.path,
      signingSecret: plan.service.signingSecret,
      envelope: {
        deployment: {
          id: plan.deployment.id,
          name: plan.deployment.name,
          connection: plan.deployment.connection,
          credentials: plan.deployment.credentials,
        },
        input,
        run: { id: run.runId, action_id: plan.actionId },
        attempt,
      },
      timeoutMs: plan.timeoutMs,
      maxResponseBytes: deps.maxResponseBytes,
      signal: abort,
      now: () => deps.clock.now(),
    });
  } finally {
    stopLease();
    deps.metrics.callsInFlight.dec();
  }
}

async function settle(
  deps: ExecutorDependencies,
  delivery: Delivery,
  control: DeliveryControl,
  plan: ActionPlan,
  runId: string,
  attempt: number,
  input: Record<string, unknown>,
  result: { outcome: CallOutcome; durationMs: number },
  log: Logger,
) {
  const { outcome, durationMs } = result;
  const maxAttempts = Math.min(plan.retry.maxAttempts, await deps.queueMaxAttempts(delivery.queue));
  const decision = decideSettlement(outcome, { attempt: delivery.attempt, maxAttempts, backoff: plan.retry.backoff });
  deps.metrics.callEnded({ serviceName: plan.service.name, outcome: outcome.kind, seconds: durationMs / 1000 });
  await deps.ledger.finishAttempt(runId, attempt, {
    outcome: decision.attemptOutcome,
    httpStatus: outcome.status,
    error: decision.action === 'ack' ? null : decision.reason,
    response: outcome.body,
  });
  log.info('connector call ended', { outcome: outcome.kind, httpStatus: outcome.status, durationMs, settle: decision.action });

  switch (decision.action) {
    case 'ack': {
      await deps.ledger.finish(runId, 'succeeded', { response: outcome.body });
      if (plan.cacheTtlMs) {
        await deps.cache.store({ actionId: plan.actionId, runId, input, response: outcome.body, ttlMs: plan.cacheTtlMs });
      }
      await deps.announcer.announce(delivery, plan, { runId, status: 'succeeded', response: outcome.body, error: null });
      deps.metrics.runEnded({ actionName: plan.actionName, deploymentName: plan.deployment.name, status: 'succeeded', publishedAt: delivery.publishedAt });
      deps.metrics.deliveries.inc({ outcome: 'succeeded' });
      return control.ack();
    }
    case 'retry': {
      await deps.ledger.markRetrying(runId);
      log.info('retrying later', { delayMs: decision.delayMs, countAttempt: decision.countAttempt, maxAttempts });
      deps.metrics.deliveries.inc({ outcome: decision.countAttempt ? 'retry' : 'come_back_later' });
      return control.nack({ delayMs: decision.delayMs, countAttempt: decision.countAttempt, reason: decision.reason });
    }
    case 'dead_letter': {
      await deps.ledger.finish(runId, 'failed', { error: decision.reason, response: outcome.body });
      await deps.announcer.announce(delivery, plan, { runId, status: 'failed', response: outcome.body, error: decision.reason });
      deps.metrics.runEnded({ actionName: plan.actionName, deploymentName: plan.deployment.name, status: 'failed', publishedAt: delivery.publishedAt });
      deps.metrics.deliveries.inc({ outcome: 'failed' });
      return control.reject(deadLetterReason(decision.reason, outcome.body));
    }
  }
}

/**
 * The action cannot run (deleted, or its method is gone): no retry can help. A run the
 * api already created is failed and its waiter answered; the message is dead-lettered.
 */
async function refuseUnrunnable(
  deps: ExecutorDependencies,
  delivery: Delivery,
  control: DeliveryControl,
  request: RunRequest,
  reason: string,
  log: Logger,
) {
  log.warn('the action cannot run; dead-lettering the message', { reason });
  if (request.runId) {
    await deps.ledger.finish(request.runId, 'failed', { error: reason }).catch((error: unknown) => {
      log.warn('could not record the run as failed', { error: String(error) });
    });
    await deps.announcer.announce(delivery, { actionId: request.actionId, resultRoute: null }, {
      runId: request.runId,
      status: 'failed',
      response: null,
      error: reason,
    });
    deps.metrics.runEnded({ actionName: '_unrunnable', deploymentName: '_unrunnable', status: 'failed', publishedAt: delivery.publishedAt });
  }
  deps.metrics.deliveries.inc({ outcome: 'unrunnable' });
  return control.reject(reason);
}

/** The runner gave up on the call itself: the message goes back at once, no attempt used. */
async function putBack(deps: ExecutorDependencies, control: DeliveryControl, log: Logger, reason: string) {
  log.warn('call abandoned; returning the message to its queue', { reason });
  deps.metrics.deliveries.inc({ outcome: 'interrupted' });
  if (control.signal.aborted && !deps.drainSignal.aborted) return; // the lease is gone: the message is someone else's now
  await control.nack({ delayMs: 0, countAttempt: false, reason }).catch((error: unknown) => {
    log.warn('could not return the message; its lease will lapse', { error: String(error) });
  });
}

/** The dead-letter reason keeps the connector's response, cut to a readable size. */
export function deadLetterReason(error: string, response: unknown): string {
  if (response === null || response === undefined) return error;
  const text = typeof response === 'string' ? response : JSON.stringify(response);
  const reason = `${error}; response: ${text}`;
  return reason.length > MAX_REASON_LENGTH ? `${reason.slice(0, MAX_REASON_LENGTH)}…` : reason;
}
