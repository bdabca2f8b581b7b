import { type PublishReceipt, type TransactionSql as Transaction } from '@interflow/broker';
import {
  actionQueues,
  claimBufferedSchedules,
  claimDueSchedules,
  fireKeyId,
  planDueFires,
  recordFireKeys,
  scheduleFromRow,
  scheduleTiming,
  updateFiredSchedules,
  type FireKey,
  type FiredScheduleState,
  type RunRequestKeys,
  type Schedule,
} from '@interflow/registry';
import { decideFires, type FireDecision } from './fire-decisions';
import { firePublication } from './fire-publication';
import { traceFires } from './fire-trace';
import type { FirePublisher } from './fire-publisher';
import type { SchedulerSettings } from './scheduler-settings';

/** A fire as it was finally handled (only fires whose key was new). */
export interface HandledFire {
  scheduleId: string;
  fireTime: Date;
  outcome: FireDecision['outcome'];
}

export interface FireBatchResult {
  /** Schedules claimed by this transaction. */
  claimed: number;
  /** True when the claim was full: more schedules may be due right now. */
  full: boolean;
  fires: HandledFire[];
  /** Fires dropped by missed-fire policies. */
  missed: number;
}

const SCHEDULE_BATCH_MISSED_SCAN = 10_000;

/**
 * One transaction of the scheduler: claim due schedules (SKIP LOCKED), decide their
 * fires (missed-fire and overlap policies), insert the fire keys, publish the fires
 * whose key was new, and move each schedule to its next fire. The caller commits; a
 * producer dying before the commit leaves everything as it was for another producer.
 */
export async function fireBatch(
  tx: Transaction,
  publisher: FirePublisher,
  runRequestKeys: RunRequestKeys,
  settings: SchedulerSettings,
  now: Date,
  onlyIds: string[] | null,
): Promise<FireBatchResult> {
  const limit = onlyIds ? onlyIds.length : settings.batchSize;
  const dueRows = await claimDueSchedules(tx, now, limit, onlyIds);
  // a full claim means more is due: buffered schedules wait for a pass that is not full
  const bufferedRows = dueRows.length < limit ? await claimBufferedSchedules(tx, now, limit - dueRows.length, onlyIds) : [];
  const schedules = [...dueRows, ...bufferedRows].map(scheduleFromRow);
  const result: FireBatchResult = { claimed: schedules.length, full: dueRows.length >= limit, fires: [], missed: 0 };
  if (schedules.length === 0) return result;

  const watched = schedules.filter((s) => s.overlapPolicy !== 'allow').flatMap((s) => s.lastFireMessageIds);
  // a message still waiting (ready, delayed, leased) is an unfinished earlier fire; dead-lettered or gone is finished
  const located = await publisher.locateMessages(watched);
  const unfinished = new Set([...located].filter(([, where]) => where.state === 'waiting').map(([id]) => id));

  const planned = schedules.map((schedule) => {
    const due = schedule.nextFireAt !== null && schedule.nextFireAt.getTime() <= now.getTime();
    const plan = due && schedule.nextFireAt
      ? planDueFires({
          timing: scheduleTiming(schedule, schedule.anchorAt),
          nextFireAt: schedule.nextFireAt,
          now,
          graceMs: settings.misfireGraceMs,
          policy: schedule.missedFirePolicy,
          maxFires: settings.maxFiresPerSchedule,
          maxMissedScan: SCHEDULE_BATCH_MISSED_SCAN,
        })
      : { fires: [], missed: 0, missedCountIsLowerBound: false, nextFireAt: schedule.nextFireAt };
    result.missed += plan.missed;
    const previousUnfinished = schedule.lastFireMessageIds.some((id) => unfinished.has(id));
    return { schedule, plan, ...decideFires(schedule, plan, previousUnfinished, now) };
  });

  const keys: FireKey[] = planned.flatMap(({ schedule, decisions }) =>
    decisions.map((d) => ({ scheduleId: schedule.id, fireTime: d.fireTime, outcome: d.outcome })),
  );
  const newKeys = await recordFireKeys(tx, keys);
  const isNew = (schedule: Schedule, d: FireDecision) => newKeys.has(fireKeyId(schedule.id, d.fireTime));

  const toPublish = planned.flatMap(({ schedule, decisions }) =>
    decisions.filter((d) => d.outcome === 'published' && isNew(schedule, d)).map((decision) => ({ schedule, decision })),
  );
  const actionIds = [...new Set(toPublish.flatMap(({ schedule: s }) => (s.target.type === 'action' ? [s.target.actionId] : [])))];
  const queues = await actionQueues(tx, actionIds);
  const fires = traceFires(
    toPublish.map(({ schedule, decision }) => ({
      publication: firePublication(schedule, decision, schedule.target.type === 'action' ? (queues.get(schedule.target.actionId) ?? null) : null, runRequestKeys),
      scheduleId: schedule.id,
      fireTime: decision.fireTime,
    })),
  );
  let receipts: PublishReceipt[] = [];
  try {
    receipts = fires.publications.length > 0 ? await publisher.publishWithin(tx, fires.publications) : [];
    fires.end();
  } catch (error) {
    fires.end(true);
    throw error;
  }

  const lastPublished = new Map<string, { fireTime: Date; messageIds: string[] }>();
  toPublish.forEach(({ schedule, decision }, index) => {
    lastPublished.set(schedule.id, { fireTime: decision.fireTime, messageIds: receipts[index]?.messageIds ?? [] });
  });
  const states: FiredScheduleState[] = planned.map(({ schedule, plan, bufferedFireAt }) => {
    const last = lastPublished.get(schedule.id);
    return {
      id: schedule.id,
      nextFireAt: plan.nextFireAt,
      lastFiredAt: last?.fireTime ?? null,
      lastFireMessageIds: last ? last.messageIds : null,
      bufferedFireAt,
    };
  });
  await updateFiredSchedules(tx, states);

  for (const { schedule, decisions } of planned) {
    for (const d of decisions) {
      if (isNew(schedule, d)) result.fires.push({ scheduleId: schedule.id, fireTime: d.fireTime, outcome: d.outcome });
    }
  }
  return result;
}
