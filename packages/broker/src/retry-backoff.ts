import type { RetryBackoff } from './broker';

/**
 * Delay before the next attempt after `failedAttempt` failed (1 = the first delivery):
 * initial * multiplier^(failedAttempt-1), capped at maxDelayMs, then drawn uniformly from
 * [delay*(1-jitter), delay] so that a burst of failures does not retry in lockstep.
 * `random` is injected so tests can pin it.
 */
export function retryDelayMs(backoff: RetryBackoff, failedAttempt: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, failedAttempt - 1);
  const uncapped = backoff.initialDelayMs * Math.pow(backoff.multiplier, exponent);
  const capped = Math.min(backoff.maxDelayMs, Number.isFinite(uncapped) ? uncapped : backoff.maxDelayMs);
  const jitter = Math.min(1, Math.max(0, backoff.jitter));
  return Math.round(capped * (1 - jitter * random()));
}
