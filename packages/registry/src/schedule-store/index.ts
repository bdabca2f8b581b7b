export type { Schedule, ScheduleSpec, ScheduleTarget, ScheduleRuleSpec, OverlapPolicy } from './schedule';
export { scheduleEtag, scheduleFromRow, scheduleTiming, specColumns, type ScheduleRow } from './schedule-rows';
export { scheduleChangesChannel, notifyScheduleChanged } from './schedule-changes';
export { createSchedule, getSchedule, listSchedules, updateSchedule, deleteSchedule, fireScheduleNow, schedulerLag } from './schedule-store';
export { listScheduleFires, type ScheduleFire } from './schedule-fires';
// The scheduler's side (the producer fires schedules through these; nothing else writes them).
export { claimDueSchedules, claimBufferedSchedules, dueScheduleIds, earliestDueAt } from './claim-schedules';
export { updateFiredSchedules, markScheduleFailed, type FiredScheduleState } from './update-fired-schedules';
export { fireKeyId, recordFireKeys, type FireKey } from './record-fires';
export { pruneFireKeys } from './prune-fire-keys';
