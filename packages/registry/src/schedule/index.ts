export {
  validateScheduleTiming,
  isValidTimeZone,
  MIN_INTERVAL_MS,
  type ScheduleRule,
  type CronRule,
  type IntervalRule,
  type OnceRule,
  type FireWindow,
  type ScheduleTiming,
  type RuleProblem,
} from './schedule-rule';
export { fireAtOrAfter, fireAfter, nextFireTimes } from './next-fire-times';
export { fireJitterMs } from './fire-jitter';
export { planDueFires, type MissedFirePolicy, type PlanDueFiresInput, type DueFirePlan } from './plan-due-fires';
