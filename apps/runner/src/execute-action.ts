import type { Clock, Delivery, DeliveryControl, Logger } from '@interflow/core';
import type { ActionPlan, ActionPlans } from './action-plan';
import { callConnector, CallInterrupted } from './call-connector';
import type { CallOutcome } from './call-outcome';
import { keepLeaseAlive } from './lease-keeper';
import { CallPermits, LimitWaitExceeded } from './limits/call-permits';
import type { OutcomeAnnouncer } from './announce-run-end';
import type { RunnerMetrics } from './runner-metrics';
import type { ResponseCache } from './response-cache';
import { isFinal, type RunLedger } from './run-ledger';
import { mergeInput, type RunRequest } from './run-request';
import { retryDelayMs } from '@interflow/core';

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
  /** The queue's own attempt limit: the run must fail before the broker dead-letters on its own. */
  queueMaxAttempts(queue: string): Promise<number>;
  /** Aborted when the shutdown grace period is over: in-flight calls are abandoned and their messages put back. */
  drainSignal: AbortSignal;
}

const MAX_REASON_LENGTH = 4000;

/**
 * Runs the action a delivery asks for and settles the delivery by the outcome (see
 * call-outcome.ts for the rules). Every path settles the delivery explicitly, records
 * what it did on the run, and counts itself in the metrics.
 */
export async function executeAction(deps: ExecutorDependencies, delivery: Delivery, control: DeliveryControl, request: RunRequest) {
  let log = deps.logger.child({ messageId: delivery.messageId, queue: delivery.queue, actionId: request.actionId, attempt: delivery.attempt });
  const plan = await deps.plans.load(request.actionId);
  if (!plan) {
    log.warn('the action does not exist; dead-lettering the message');
    deps.metrics.deliveries.inc({ outcome: 'malformed' });
    return control.reject(`action '${request.actionId}' does not exist`);
  }
  const input = mergeInput(plan.defaultInput, request.input);
  const run = await deps.ledger.open({ runId: request.runId, actionId: plan.actionId, messageId: delivery.messageId, input });
  log = log.child({ runId: run.runId, deploymentId: plan.deployment.id });

  if (isFinal(run.status)) {
    // Recorded before a crash stopped the ack: say it again (replies are deduplicated), do not call again.
    log.info('run already ended; re-announcing and acking', { status: run.status });
    await deps.announcer.announce(delivery, plan, { runId: run.runId, status: run.status, response: run.response, error: run.error });
    deps.metrics.deliveries.inc({ outcome: 'already_done' });
    return control.ack();
  }

  const abort = AbortSignal.any([control.signal, deps.drainSignal]);
  let permit;
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

  const attemptId = await deps.ledger.beginAttempt(run.runId);
  const stopLease = keepLeaseAlive(control, deps.leaseMs, log);
  deps.metrics.callsInFlight.inc();
  let result: { outcome: CallOutcome; durationMs: number };
  try {
    result = await callConnector({
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
        attempt: delivery.attempt,
      },
      timeoutMs: plan.timeoutMs,
      signal: abort,
      now: () => deps.clock.now(),
    });
  } catch (error) {
    if (!(error instanceof CallInterrupted)) throw error;
    await deps.ledger.finishAttempt(attemptId, { httpStatus: null, durationMs: 0, error: error.message, response: null });
    return putBack(deps, control, log, error.message);
  } finally {
    stopLease();
    deps.metrics.callsInFlight.dec();
    await permit.release().catch((error: unknown) => log.warn('could not release the call slot', { error: String(error) }));
  }

  const { outcome, durationMs } = result;
  deps.metrics.callDuration.observe({ outcome: outcome.kind }, durationMs / 1000);
  const error = outcome.kind === 'succeeded' ? null : outcome.kind === 'come_back_later' ? `the connector answered ${outcome.status}` : outcome.error;
  await deps.ledger.finishAttempt(attemptId, { httpStatus: outcome.status, durationMs, error, response: outcome.body });
  log.info('connector call ended', { outcome: outcome.kind, httpStatus: outcome.status, durationMs });
  await settle(deps, delivery, control, plan, run.runId, input, outcome, log);
}

async function settle(
  deps: ExecutorDependencies,
  delivery: Delivery,
  control: DeliveryControl,
  plan: ActionPlan,
  runId: string,
  input: Record<string, unknown>,
  outcome: CallOutcome,
  log: Logger,
) {
  switch (outcome.kind) {
    case 'succeeded': {
      await deps.ledger.finish(runId, 'succeeded', { response: outcome.body });
      if (plan.cacheTtlMs) {
        await deps.cache.store({ actionId: plan.actionId, input, response: outcome.body, ttlMs: plan.cacheTtlMs });
      }
      await deps.announcer.announce(delivery, plan, { runId, status: 'succeeded', response: outcome.body, error: null });
      deps.metrics.runs.inc({ status: 'succeeded' });
      deps.metrics.deliveries.inc({ outcome: 'succeeded' });
      return control.ack();
    }
    case 'come_back_later': {
      await deps.ledger.markRetrying(runId, `the connector asked to retry in ${outcome.retryAfterMs} ms`);
      deps.metrics.deliveries.inc({ outcome: 'come_back_later' });
      return control.nack({ delayMs: outcome.retryAfterMs, countAttempt: false, reason: `HTTP ${outcome.status}` });
    }
    case 'transient': {
      const maxAttempts = Math.min(plan.retry.maxAttempts, await deps.queueMaxAttempts(delivery.queue));
      if (delivery.attempt < maxAttempts) {
        const delayMs = retryDelayMs(plan.retry.backoff, delivery.attempt);
        await deps.ledger.markRetrying(runId, outcome.error);
        log.info('retrying later', { delayMs, maxAttempts });
        deps.metrics.deliveries.inc({ outcome: 'retry' });
        return control.nack({ delayMs, reason: outcome.error });
      }
      return failRun(deps, delivery, control, plan, runId, `${outcome.error} (attempt ${delivery.attempt} of ${maxAttempts})`, outcome.body);
    }
    case 'permanent':
      return failRun(deps, delivery, control, plan, runId, outcome.error, outcome.body);
  }
}

async function failRun(
  deps: ExecutorDependencies,
  delivery: Delivery,
  control: DeliveryControl,
  plan: ActionPlan,
  runId: string,
  error: string,
  response: unknown,
) {
  await deps.ledger.finish(runId, 'failed', { error, response });
  await deps.announcer.announce(delivery, plan, { runId, status: 'failed', response, error });
  deps.metrics.runs.inc({ status: 'failed' });
  deps.metrics.deliveries.inc({ outcome: 'failed' });
  return control.reject(deadLetterReason(error, response));
}

/** The runner gave up on the call itself: the message goes back at once, no attempt used. */
async function putBack(deps: ExecutorDependencies, control: DeliveryControl, log: Logger, reason: string) {
  log.warn('call abandoned; returning the message to its queue', { reason });
  deps.metrics.deliveries.inc({ outcome: 'interrupted' });
  if (control.signal.aborted) return; // the lease is gone: the message is already someone else's
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

