/**
 * Delays are served by one TTL queue per target queue and delay, so the delays in use
 * are rounded up to two significant digits (1234 ms waits 1300 ms): a message is never
 * delivered early, at most about 10% late, and a queue sees at most a few hundred
 * distinct delay queues however its retries are jittered. Under 100 ms a delay is exact.
 */
export function delayBucketMs(delayMs: number): number {
  if (delayMs <= 0) return 0;
  const whole = Math.ceil(delayMs);
  if (whole < 100) return whole;
  const unit = Math.pow(10, Math.floor(Math.log10(whole)) - 1);
  return Math.min(2_147_483_647, Math.ceil(whole / unit) * unit);
}

/** A delay queue outlives its last use by this much (RabbitMQ's x-expires), so unused delays clean up after themselves. */
export const DELAY_QUEUE_IDLE_MS = 10 * 60_000;

/** A publisher re-declares a delay queue it has not declared for this long, keeping it from expiring under messages. */
export const DELAY_QUEUE_REDECLARE_MS = 60_000;
