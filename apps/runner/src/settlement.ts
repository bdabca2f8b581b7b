import { retryDelayMs, type RetryBackoff } from '@interflow/broker';
import type { CallOutcome } from './call-outcome';
import type { AttemptOutcome, RunStatus } from './run-ledger';

/**
 * What to do with a delivery after a call, decided from the outcome alone (pure, so the
 * retry rules are tested without a connector):
 * - ack: the run succeeded;
 * - retry: nack with a delay; `countAttempt` false when the connector asked us to come
 *   back later (it is not the connector's failure);
 * - dead_letter: reject into the queue's dead-letter queue, the run failed.
 */
export type Settlement =
  | { action: 'ack'; attemptOutcome: 'succeeded' }
  | { action: 'retry'; delayMs: number; countAttempt: boolean; attemptOutcome: AttemptOutcome; reason: string }
  | { action: 'dead_letter'; attemptOutcome: 'failed'; reason: string };

export interface SettlementPolicy {
  /** Delivery attempt that just ran (1 on the first). */
  attempt: number;
  maxAttempts: number;
  backoff: RetryBackoff;
  random?: () => number;
}

export function decideSettlement(outcome: CallOutcome, policy: SettlementPolicy): Settlement {
  switch (outcome.kind) {
    case 'succeeded':
      return { action: 'ack', attemptOutcome: 'succeeded' };
    case 'come_back_later':
      return {
        action: 'retry',
        delayMs: outcome.retryAfterMs,
        countAttempt: false,
        attemptOutcome: 'rate_limited',
        reason: `the connector answered ${outcome.status} and asked to retry in ${outcome.retryAfterMs} ms`,
      };
    case 'transient':
      if (policy.attempt < policy.maxAttempts) {
        return {
          action: 'retry',
          delayMs: retryDelayMs(policy.backoff, policy.attempt, policy.random),
          countAttempt: true,
          attemptOutcome: 'retrying',
          reason: outcome.error,
        };
      }
      return { action: 'dead_letter', attemptOutcome: 'failed', reason: `${outcome.error} (attempt ${policy.attempt} of ${policy.maxAttempts})` };
    case 'permanent':
      return { action: 'dead_letter', attemptOutcome: 'failed', reason: outcome.error };
  }
}

/**
 * Before the call, from what the run and the delivery say (pure):
 * - already_ended: the run has its final outcome (a redelivery after a crash, a
 *   duplicate request): announce it again and ack, never call again;
 * - give_up: this delivery's attempt is past the action's limit — the attempts before
 *   it were lost with their runners (leases lapsed after the hand-over): the run fails
 *   without another call, and the message is dead-lettered;
 * - call: make the call.
 */
export type BeforeCall = { action: 'already_ended' } | { action: 'give_up'; reason: string } | { action: 'call' };

export function decideBeforeCall(runStatus: RunStatus, attempt: number, maxAttempts: number): BeforeCall {
  if (runStatus === 'succeeded' || runStatus === 'failed') return { action: 'already_ended' };
  if (attempt > maxAttempts) {
    return {
      action: 'give_up',
      reason: `attempt ${attempt} is past the action's limit of ${maxAttempts}: the earlier attempts ended without an outcome (their runner stopped or lost the lease)`,
    };
  }
  return { action: 'call' };
}
