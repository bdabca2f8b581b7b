import { retryDelayMs, type RetryBackoff } from '@interflow/core';
import type { CallOutcome } from './call-outcome';
import type { AttemptOutcome } from './run-ledger';

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
