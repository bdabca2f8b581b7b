import { type Delivery, type DeliveryControl } from '@interflow/broker';
import { inSpan, SpanKind, type Clock, type Logger } from '@interflow/core';
import type { OutboundRequest } from '@interflow/outbound';
import { isUnrunnable, type ActionPlan, type ActionPlans } from './action-plan';
import type { OutcomeAnnouncer } from './announce-run-end';
import { callConnector, CallInterrupted } from './call-connector';
import { unsendableRequest, type CallOutcome } from './call-outcome';
import { endAfterUnexpectedFailure, failRun, putBack, type RunInHand } from './end-run';
import { keepLeaseAlive } from './lease-keeper';
import { CallPermits, LimitWaitExceeded, type CallPermit } from './limits/call-permits';
import type { ResponseCache } from './response-cache';
import type { OpenedRun, RunLedger } from './run-ledger';
import { mergeInput, type RunRequest } from './run-request';
import type { RunnerMetrics } from './runner-metrics';
import { settleCall } from './settle-call';
import { decideBeforeCall } from './settlement';

const TRACER = 'interflow-runner';

export interface ExecutorDependencies {
  plans: ActionPlans;
  ledger: RunLedger;
  cache: ResponseCache;
  permits: CallPermits;
  announcer: OutcomeAnnouncer;
  metrics: RunnerMetrics;
  logger: Logger;
  clock: Clock;
  /** HTTP requests under the outbound policy (allowed destinations only). */
  request: OutboundRequest;
  leaseMs: number;
  /** Largest connector answer read (RUNNER_MAX_RESPONSE_BYTES). */
  maxResponseBytes: number;
  /** The queue's own attempt limit: the run must fail before the broker dead-letters on its own. */
  queueMaxAttempts(queue: string): Promise<number>;
  /** Aborted when the shutdown grace period is over: in-flight calls are abandoned and their messages put back. */
  drainSignal: AbortSignal;
  /** Told of every run this runner ended whose action has notification rules (as its plan was read); none: rules are not raised here. */
  outcomes?: RunOutcomeListener;
}

/** Hears that a run reached its final status (after the commit); must not throw or block. */
export interface RunOutcomeListener {
  runEnded(runId: string): void;
}

/**
 * Runs the action a delivery asks for and settles the delivery by the outcome
 * (settlement.ts holds the rules). The lease is kept from the hand-over to the settle,
 * waiting for a call slot or a rate token included. Every path that ends the message
 * ends the run in the same transaction as the settle (end-run.ts, settle-call.ts), and
 * an unexpected failure is settled by the action's retry policy, never left to the
 * queue's own limit.
 */
export async function executeAction(deps: ExecutorDependencies, delivery: Delivery, control: DeliveryControl, request: RunRequest) {
  const log = deps.logger.child({ messageId: delivery.messageId, queue: delivery.queue, actionId: request.actionId, attempt: delivery.attempt });
  const inHand: RunInHand = { actionId: request.actionId, plan: null, runId: request.runId, attempt: null };
  const stopLease = keepLeaseAlive(control, deps.leaseMs, log);
  try {
    await runAction(deps, delivery, control, request, inHand, log);
  } catch (error) {
    await endAfterUnexpectedFailure(deps, delivery, control, inHand, error, log);
  } finally {
    stopLease();
  }
}

async function runAction(deps: ExecutorDependencies, delivery: Delivery, control: DeliveryControl, request: RunRequest, inHand: RunInHand, log: Logger) {
  // The run and its action's context stamp in one read: the plan is read again only when its rows changed.
  const found = request.runId ? await deps.ledger.find(request.runId, request.actionId) : null;
  const plan = await deps.plans.load(request.actionId, found?.contextStamp);
  if (isUnrunnable(plan)) {
    deps.metrics.deliveries.inc({ outcome: 'unrunnable' });
    return failRun(deps, delivery, control, { plan: { actionId: request.actionId, resultRoute: null }, runId: request.runId, attempt: null }, plan.unrunnable, log);
  }
  inHand.plan = plan;
  const input = mergeInput(plan.defaultInput, request.input);
  const run = await deps.ledger.open({
    runId: request.runId,
    actionId: plan.actionId,
    messageId: delivery.messageId,
    input,
    trigger: request.trigger,
    sender: delivery.sender,
  }, found);
  inHand.runId = run.runId;
  log = log.child({ runId: run.runId, deploymentId: plan.deployment.id });

  const maxAttempts = Math.min(plan.retry.maxAttempts, await deps.queueMaxAttempts(delivery.queue));
  const before = decideBeforeCall(run.status, delivery.attempt, maxAttempts);
  if (before.action === 'already_ended') {
    // Its outcome is recorded (a duplicate request, or a redelivery): say it again (replies are deduplicated), never call again.
    log.info('run already ended; re-announcing and acking without a call', { status: run.status });
    await deps.announcer.announce(delivery, plan, { runId: run.runId, status: run.status === 'succeeded' ? 'succeeded' : 'failed', response: run.response, error: run.error });
    deps.metrics.deliveries.inc({ outcome: 'already_done' });
    return control.ack();
  }
  if (before.action === 'give_up') {
    deps.metrics.deliveries.inc({ outcome: 'attempts_exhausted' });
    return failRun(deps, delivery, control, { plan, runId: run.runId, attempt: null }, before.reason, log);
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
  inHand.attempt = attempt;
  log = log.child({ runAttempt: attempt });
  let result: { outcome: CallOutcome; durationMs: number };
  try {
    result = await callWithLease(deps, plan, run, input, attempt, abort);
  } catch (error) {
    if (!(error instanceof CallInterrupted)) throw error;
    await deps.ledger.record((recorder) =>
      recorder.finishAttempt(run.runId, attempt, { outcome: 'retrying', httpStatus: null, error: error.message, response: null }),
    );
    return putBack(deps, control, log, error.message);
  } finally {
    await permit.release().catch((error: unknown) => log.warn('could not release the call slot', { error: String(error) }));
  }
  const ran = result;
  await inSpan(TRACER, 'run end', { attributes: { 'interflow.run.id': run.runId, 'interflow.call.outcome': ran.outcome.kind } }, () =>
    settleCall(deps, delivery, control, { plan, runId: run.runId, attempt, input, maxAttempts }, ran, log),
  );
}

async function callWithLease(deps: ExecutorDependencies, plan: ActionPlan, run: OpenedRun, input: Record<string, unknown>, attempt: number, abort: AbortSignal) {
  await deps.ledger.beginAttempt(run.runId, attempt);
  deps.metrics.callsInFlight.inc();
  const started = Date.now();
  try {
    // A client span around the call; callConnector passes its context on as `traceparent`.
    const span = { kind: SpanKind.CLIENT, attributes: { 'interflow.service': plan.service.name, 'interflow.method': plan.method.name, 'interflow.run.id': run.runId } };
    const result = await inSpan(TRACER, `connector call ${plan.service.name}.${plan.method.name}`, span, () => callConnector({
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
      request: deps.request,
    }));
    if (result.outcome.kind === 'come_back_later') {
      // Every runner holds off the deployment, not just this message (the slot is still held, so no call slips in).
      // Best effort: this message waits its Retry-After anyway; a failed write must not turn the outcome into another.
      await deps.permits.pause(plan.deployment.id, result.outcome.retryAfterMs).catch(() => undefined);
    }
    return result;
  } catch (error) {
    if (error instanceof CallInterrupted) throw error;
    // callConnector throws for nothing the connector or the network did: the request itself could not be made from this input.
    return { outcome: unsendableRequest(error instanceof Error ? error.message : String(error)), durationMs: Date.now() - started };
  } finally {
    deps.metrics.callsInFlight.dec();
  }
}
