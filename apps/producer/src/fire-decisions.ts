import { fireJitterMs, type DueFirePlan, type Schedule } from '@interflow/registry';

export type FireOutcome = 'published' | 'skipped_overlap' | 'expired';

export interface FireDecision {
  fireTime: Date;
  outcome: FireOutcome;
  /** When the fire's message becomes visible (fire time + jitter). */
  startAt: Date;
}

export interface ScheduleFireDecisions {
  decisions: FireDecision[];
  /** The buffer_one fire held back after this pass (null: none). */
  bufferedFireAt: Date | null;
}

/** A fire whose TTL ran out before it could be published is recorded, not published. */
function expiredBeforePublish(schedule: Schedule, startAt: Date, now: Date): boolean {
  return schedule.ttlMs !== null && startAt.getTime() + schedule.ttlMs <= now.getTime();
}

/**
 * Applies the overlap policy to the fires a plan made due, in order. `previousUnfinished`
 * says whether the latest published fire's messages are still in a queue; each fire
 * published in this pass is unfinished for the fires after it. A held-back buffer_one
 * fire is released first when the previous fire has finished.
 */
export function decideFires(schedule: Schedule, plan: DueFirePlan, previousUnfinished: boolean, now: Date): ScheduleFireDecisions {
  const decisions: FireDecision[] = [];
  let unfinished = previousUnfinished;
  let bufferedFireAt = schedule.bufferedFireAt;

  const publishOrExpire = (fireTime: Date) => {
    const startAt = new Date(fireTime.getTime() + fireJitterMs(schedule.id, fireTime, schedule.jitterMs));
    if (expiredBeforePublish(schedule, startAt, now)) {
      decisions.push({ fireTime, outcome: 'expired', startAt });
      return;
    }
    decisions.push({ fireTime, outcome: 'published', startAt });
    unfinished = true;
  };

  if (bufferedFireAt && !unfinished) {
    publishOrExpire(bufferedFireAt);
    bufferedFireAt = null;
  }
  for (const fireTime of plan.fires) {
    if (!unfinished || schedule.overlapPolicy === 'allow') {
      publishOrExpire(fireTime);
    } else if (schedule.overlapPolicy === 'buffer_one' && bufferedFireAt === null) {
      bufferedFireAt = fireTime;
    } else {
      decisions.push({ fireTime, outcome: 'skipped_overlap', startAt: fireTime });
    }
  }
  return { decisions, bufferedFireAt };
}
