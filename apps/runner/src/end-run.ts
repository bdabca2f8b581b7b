import { StaleDeliveryError, type Delivery, type DeliveryControl } from '@interflow/broker';
import { type Logger } from '@interflow/core';
import type { ActionPlan } from './action-plan';
import type { ExecutorDependencies } from './execute-action';
import { decideSettlement } from './settlement';

/** What the runner knows of the run while it handles a delivery (filled in as it learns it). */
export interface RunInHand {
  actionId: string;
  plan: ActionPlan | null;
  runId: string | null;
  /** The run's attempt begun, if a call was started. */
  attempt: number | null;
}

/**
 * Ends a run as failed and dead-letters its message in ONE transaction (the run's end,
 * the open attempt's end, the announcement to a waiting caller and the reject), and
 * says so at error level. Used for every end that is not a connector's answer: the
 * action cannot run (gone, its method dropped, its secrets cannot be opened), the
 * request cannot be made, the attempts are used up, the runner keeps failing. Without a
 * run id (a schedule's message for an action that is gone) only the message ends.
 */
export async function failRun(
  deps: ExecutorDependencies,
  delivery: Delivery,
  control: DeliveryControl,
  target: { plan: Pick<ActionPlan, 'actionId' | 'resultRoute'> | ActionPlan; runId: string | null; attempt: number | null },
  reason: string,
  log: Logger,
): Promise<void> {
  const { runId, attempt, plan } = target;
  let endedNow = false;
  try {
    await deps.ledger.record(async (recorder) => {
      if (runId) {
        endedNow = await recorder.finish(runId, 'failed', { error: reason });
        if (attempt !== null) await recorder.finishAttempt(runId, attempt, { outcome: 'failed', httpStatus: null, error: reason, response: null });
        if (endedNow) await deps.announcer.announce(delivery, plan, { runId, status: 'failed', response: null, error: reason }, recorder.tx);
      }
      await control.rejectWithin(recorder.tx, reason);
    });
  } catch (error) {
    if (!(error instanceof StaleDeliveryError)) throw error;
    log.warn('lease lost before the run could be failed; nothing recorded, the message will be delivered again', { reason });
    return;
  }
  log.error('run failed; its message is dead-lettered', { runId, reason });
  if (endedNow) {
    // An action that cannot run has no names worth a label value.
    const names = 'actionName' in plan ? { actionName: plan.actionName, deploymentName: plan.deployment.name } : { actionName: '_unrunnable', deploymentName: '_unrunnable' };
    deps.metrics.runEnded({ ...names, status: 'failed', publishedAt: delivery.publishedAt });
    // An action read without rules raises nothing: its rules are not read again for every run.
    if (runId && (!('notifiesOutcomes' in plan) || plan.notifiesOutcomes)) deps.outcomes?.runEnded(runId);
  }
}

/**
 * Something failed that is neither the connector's answer nor a known refusal (the
 * database, a bug): settled by the action's retry policy (its own max attempts, not only
 * the queue's) — retried with the queue's backoff, or, on the last attempt, the run
 * failed with the reason and the message dead-lettered. If even that cannot be written
 * (database down), the lease lapses and the message comes again; the producer's
 * housekeeping ends a run whose message is gone.
 */
export async function endAfterUnexpectedFailure(
  deps: ExecutorDependencies,
  delivery: Delivery,
  control: DeliveryControl,
  inHand: RunInHand,
  error: unknown,
  log: Logger,
): Promise<void> {
  const problem = error instanceof Error ? error.message : String(error);
  if (control.settled) {
    log.error('the runner failed after settling the delivery', { error: problem });
    return;
  }
  if (control.signal.aborted) return putBack(deps, control, log, `the runner failed after losing the lease or being stopped: ${problem}`);
  const reason = `the runner could not handle the run: ${problem}`;
  try {
    const queueMax = await deps.queueMaxAttempts(delivery.queue);
    const maxAttempts = inHand.plan ? Math.min(inHand.plan.retry.maxAttempts, queueMax) : queueMax;
    const decision = decideSettlement(
      { kind: 'transient', status: null, body: null, error: reason },
      { attempt: delivery.attempt, maxAttempts, backoff: inHand.plan?.retry.backoff ?? { initialDelayMs: 1000, multiplier: 2, maxDelayMs: 60_000, jitter: 0.2 } },
    );
    if (decision.action === 'dead_letter') {
      deps.metrics.deliveries.inc({ outcome: 'runner_error' });
      return await failRun(deps, delivery, control, { plan: inHand.plan ?? { actionId: inHand.actionId, resultRoute: null }, runId: inHand.runId, attempt: inHand.attempt }, decision.reason, log);
    }
    log.error('the runner could not handle the run; retrying', { error: problem, delayMs: decision.action === 'retry' ? decision.delayMs : null });
    deps.metrics.deliveries.inc({ outcome: 'runner_error' });
    const runId = inHand.runId;
    const attempt = inHand.attempt;
    await deps.ledger.record(async (recorder) => {
      if (runId && attempt !== null) await recorder.finishAttempt(runId, attempt, { outcome: 'retrying', httpStatus: null, error: reason, response: null });
      if (runId) await recorder.markRetrying(runId);
      await control.nackWithin(recorder.tx, { delayMs: decision.action === 'retry' ? decision.delayMs : undefined, reason });
    });
  } catch (settleError) {
    log.error('could not settle after a failure; the lease will lapse and the message come again', {
      error: problem,
      settleError: settleError instanceof Error ? settleError.message : String(settleError),
    });
  }
}

/** The runner gave up on the call itself: the message goes back at once, no attempt used. */
export async function putBack(deps: ExecutorDependencies, control: DeliveryControl, log: Logger, reason: string) {
  log.warn('call abandoned; returning the message to its queue', { reason });
  deps.metrics.deliveries.inc({ outcome: 'interrupted' });
  // The lease is gone: the message is someone else's now (and the consumer does not ack it either).
  if (control.signal.aborted && !deps.drainSignal.aborted) return;
  await control.nack({ delayMs: 0, countAttempt: false, reason }).catch((error: unknown) => {
    log.warn('could not return the message; its lease will lapse', { error: String(error) });
  });
}
