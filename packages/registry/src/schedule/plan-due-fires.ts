import { fireAfter, fireAtOrAfter } from './next-fire-times';
import type { ScheduleTiming } from './schedule-rule';

/**
 * What to do with fires that fell into a downtime (due longer ago than the grace):
 * `skip` drops them; `run_once` publishes only the latest of them; `backfill` publishes
 * the latest `limit` of them, oldest first. Fires within the grace always publish.
 */
export type MissedFirePolicy = { kind: 'skip' } | { kind: 'run_once' } | { kind: 'backfill'; limit: number };

export interface PlanDueFiresInput {
  timing: ScheduleTiming;
  /** The schedule's next unprocessed fire. */
  nextFireAt: Date;
  now: Date;
  /** A fire due at most this long ago is on time, not missed. */
  graceMs: number;
  policy: MissedFirePolicy;
  /** Most fires returned by one call; the rest stay due for the next call. */
  maxFires: number;
  /** Most missed fires enumerated one by one; beyond it the count is a lower bound. */
  maxMissedScan: number;
}

export interface DueFirePlan {
  /** Fire times to publish now, oldest first. */
  fires: Date[];
  /** Fires dropped by the missed-fire policy. */
  missed: number;
  /** True when more fires were missed than were counted (maxMissedScan reached). */
  missedCountIsLowerBound: boolean;
  /** The next unprocessed fire after this plan; null when the schedule has none left. */
  nextFireAt: Date | null;
}

/**
 * Decides which due fires a producer publishes now. Missed fires are those due before
 * `now - graceMs`; on-time fires are due in [now - graceMs, now]. Pure: the caller
 * stores `nextFireAt` in the same transaction as the publishes.
 */
export function planDueFires(input: PlanDueFiresInput): DueFirePlan {
  const { timing, now, policy } = input;
  const cutoff = new Date(now.getTime() - input.graceMs);
  const keepMissed = policy.kind === 'skip' ? 0 : policy.kind === 'run_once' ? 1 : Math.max(0, policy.limit);

  // Scan the missed fires, keeping only the latest `keepMissed` of them.
  const kept: Date[] = [];
  let missedTotal = 0;
  let lowerBound = false;
  let fire: Date | null = input.nextFireAt;
  while (fire && fire.getTime() < cutoff.getTime()) {
    if (missedTotal >= input.maxMissedScan) {
      // Too many to walk one by one: jump to the first fire that is on time.
      lowerBound = true;
      fire = fireAtOrAfter(timing, cutoff);
      break;
    }
    missedTotal += 1;
    kept.push(fire);
    if (kept.length > keepMissed) kept.shift();
    fire = fireAfter(timing, fire);
  }

  const fires = [...kept].slice(0, input.maxFires);
  if (fires.length < kept.length) {
    // Even the kept missed fires do not fit: publish the first ones, keep the rest due.
    return { fires, missed: missedTotal - kept.length, missedCountIsLowerBound: lowerBound, nextFireAt: kept[fires.length] ?? null };
  }
  while (fire && fire.getTime() <= now.getTime() && fires.length < input.maxFires) {
    fires.push(fire);
    fire = fireAfter(timing, fire);
  }
  return { fires, missed: missedTotal - kept.length, missedCountIsLowerBound: lowerBound, nextFireAt: fire };
}
