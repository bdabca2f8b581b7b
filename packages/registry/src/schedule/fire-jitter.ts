import crypto from 'node:crypto';

/**
 * The delay added to a fire's start, in [0, jitterMs]. Derived from the schedule and the
 * fire time rather than drawn at random, so every producer (and a retry after a crash)
 * computes the same delay for the same fire.
 */
export function fireJitterMs(scheduleId: string, fireTime: Date, jitterMs: number): number {
  if (jitterMs <= 0) return 0;
  const digest = crypto.createHash('sha256').update(`${scheduleId}@${fireTime.toISOString()}`).digest();
  return digest.readUInt32BE(0) % (jitterMs + 1);
}
