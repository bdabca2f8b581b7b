export type { Schedule, ScheduleSpec, ScheduleTarget, ScheduleRuleSpec, OverlapPolicy } from './schedule';
export { scheduleEtag, scheduleFromRow, scheduleTiming, specColumns, type ScheduleRow } from './schedule-rows';
export { scheduleChangesChannel, notifyScheduleChanged } from './schedule-changes';
export { createSchedule, getSchedule, listSchedules, updateSchedule, deleteSchedule, fireScheduleNow, schedulerLag } from './schedule-store';
export { listScheduleFires, type ScheduleFire } from './schedule-fires';
