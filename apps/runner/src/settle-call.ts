import { StaleDeliveryError, type Delivery, type DeliveryControl } from '@interflow/broker';
import { type Logger } from '@interflow/core';
import type { ItemChange } from '@interflow/registry';
import type { ActionPlan } from './action-plan';
import type { CallOutcome } from './call-outcome';
import type { ExecutorDependencies } from './execute-action';
import { readPolledCollection } from './polled-collection';
import { decideSettlement } from './settlement';

const MAX_REASON_LENGTH = 4000;

export interface SettledCall {
  plan: ActionPlan;
  runId: string;
  /** The run's attempt this call was. */
  attempt: number;
  input: Record<string, unknown>;
  /** The action's limit, capped by the queue's. */
  maxAttempts: number;
}

/**
 * Records how the call ended and settles its delivery in ONE transaction: the attempt's
 * outcome, the run's end (or its wait for a retry), the announcement (reply, result)
 * and the ack, nack or reject commit together or not at all. A runner killed before the
 * commit leaves no trace of the outcome, and the redelivery calls again; a commit
 * leaves no message to redeliver. A run ends once: if it had already ended, this
 * answer is recorded as unused and the first outcome stands. A lease lost before the
 * commit rolls everything back (the message is someone else's now).
 */
export async function settleCall(
  deps: ExecutorDependencies,
  delivery: Delivery,
  control: DeliveryControl,
  call: SettledCall,
  result: { outcome: CallOutcome; durationMs: number },
  log: Logger,
): Promise<void> {
  const { plan, runId, attempt } = call;
  const { durationMs } = result;
  const { outcome, items } = readPolledCollection(plan, result.outcome);
  const decision = decideSettlement(outcome, { attempt: delivery.attempt, maxAttempts: call.maxAttempts, backoff: plan.retry.backoff });
  deps.metrics.callEnded({ serviceName: plan.service.name, outcome: outcome.kind, seconds: durationMs / 1000 });
  let endedNow = false;
  let itemChanges: ItemChange[] = [];
  try {
    await deps.ledger.record(async (recorder) => {
      switch (decision.action) {
        case 'ack': {
          // The run's end and the ack go out together (pipelined): what follows needs only the first's answer.
          const [ended] = await Promise.all([
            recorder.end(runId, 'succeeded', { response: outcome.body }, attempt, {
              httpStatus: outcome.status,
              response: outcome.body,
              ifEnded: { outcome: 'succeeded', error: null },
              ifAlreadyEnded: { outcome: 'failed', error: 'the run had already ended; this answer was not used' },
            }),
            control.ackWithin(recorder.tx),
          ]);
          endedNow = ended;
          if (endedNow) await deps.announcer.announce(delivery, plan, { runId, status: 'succeeded', response: outcome.body, error: null }, recorder.tx);
          if (endedNow && plan.poller && items) {
            itemChanges = await recorder.recordPolledItems(plan.actionId, items, plan.poller.snapshot);
            await deps.announcer.announceItemChanges(plan.actionId, runId, itemChanges, recorder.tx, deps.clock.now());
          }
          return;
        }
        case 'retry': {
          await recorder.finishAttempt(runId, attempt, { outcome: decision.attemptOutcome, httpStatus: outcome.status, error: decision.reason, response: outcome.body });
          await recorder.markRetrying(runId);
          return control.nackWithin(recorder.tx, { delayMs: decision.delayMs, countAttempt: decision.countAttempt, reason: decision.reason });
        }
        case 'dead_letter': {
          const failed = { outcome: 'failed' as const, error: decision.reason };
          endedNow = await recorder.end(runId, 'failed', { error: decision.reason, response: outcome.body }, attempt, {
            httpStatus: outcome.status,
            response: outcome.body,
            ifEnded: failed,
            ifAlreadyEnded: failed,
          });
          if (endedNow) await deps.announcer.announce(delivery, plan, { runId, status: 'failed', response: outcome.body, error: decision.reason }, recorder.tx);
          return control.rejectWithin(recorder.tx, deadLetterReason(decision.reason, outcome.body));
        }
      }
    });
  } catch (error) {
    if (!(error instanceof StaleDeliveryError)) throw error;
    log.warn('lease lost before the outcome was recorded; nothing recorded, the message will be delivered again', { outcome: outcome.kind });
    deps.metrics.deliveries.inc({ outcome: 'lease_lost' });
    return;
  }

  switch (decision.action) {
    case 'ack':
      log.info('connector call ended', { outcome: outcome.kind, httpStatus: outcome.status, durationMs, settle: 'ack' });
      if (plan.poller && endedNow) log.info('poller changes published', { ...countChanges(itemChanges) });
      if (endedNow && plan.cacheTtlMs) {
        await deps.cache
          .store({ actionId: plan.actionId, runId, input: call.input, response: outcome.body, ttlMs: plan.cacheTtlMs })
          .catch((error: unknown) => log.warn('could not cache the response', { error: String(error) }));
      }
      if (endedNow) deps.metrics.runEnded({ actionName: plan.actionName, deploymentName: plan.deployment.name, status: 'succeeded', publishedAt: delivery.publishedAt });
      if (endedNow && plan.notifiesOutcomes) deps.outcomes?.runEnded(runId);
      deps.metrics.deliveries.inc({ outcome: endedNow ? 'succeeded' : 'already_done' });
      return;
    case 'retry':
      log.info('connector call ended', { outcome: outcome.kind, httpStatus: outcome.status, durationMs, settle: 'retry', delayMs: decision.delayMs, countAttempt: decision.countAttempt });
      deps.metrics.deliveries.inc({ outcome: decision.countAttempt ? 'retry' : 'come_back_later' });
      return;
    case 'dead_letter':
      log.error('run failed; its message is dead-lettered', { outcome: outcome.kind, httpStatus: outcome.status, durationMs, reason: decision.reason });
      if (endedNow) deps.metrics.runEnded({ actionName: plan.actionName, deploymentName: plan.deployment.name, status: 'failed', publishedAt: delivery.publishedAt });
      if (endedNow && plan.notifiesOutcomes) deps.outcomes?.runEnded(runId);
      deps.metrics.deliveries.inc({ outcome: 'failed' });
      return;
  }
}

/** The dead-letter reason keeps the connector's response, cut to a readable size. */
export function deadLetterReason(error: string, response: unknown): string {
  if (response === null || response === undefined) return error;
  const text = typeof response === 'string' ? response : JSON.stringify(response);
  const reason = `${error}; response: ${text}`;
  return reason.length > MAX_REASON_LENGTH ? `${reason.slice(0, MAX_REASON_LENGTH)}…` : reason;
}

function countChanges(changes: ItemChange[]): { created: number; changed: number; deleted: number } {
  const counts = { created: 0, changed: 0, deleted: 0 };
  for (const change of changes) counts[change.kind] += 1;
  return counts;
}
