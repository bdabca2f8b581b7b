import { Cron } from 'croner';

/**
 * When a schedule fires, as data. A rule is one of three kinds; the window (start and
 * end) applies to all of them. Every function of this folder is pure: time comes in as
 * arguments, nothing reads the system clock.
 */
export type ScheduleRule = CronRule | IntervalRule | OnceRule;

/** croner syntax: five fields, or six with seconds first; wall-clock time in `timezone`. */
export interface CronRule {
  kind: 'cron';
  expression: string;
  /** An IANA zone such as `Europe/Berlin`; `UTC` when the user named none. */
  timezone: string;
}

/** Every `everyMs`, counted from `anchorAt` (the schedule's start, or its creation). */
export interface IntervalRule {
  kind: 'interval';
  everyMs: number;
  anchorAt: Date;
}

/** A single instant. */
export interface OnceRule {
  kind: 'once';
  at: Date;
}

/** Fires happen at or after `startAt` and strictly before `endAt`. */
export interface FireWindow {
  startAt: Date | null;
  endAt: Date | null;
}

export interface ScheduleTiming {
  rule: ScheduleRule;
  window: FireWindow;
}

export interface RuleProblem {
  field: string;
  message: string;
}

/** The smallest interval accepted: fire keys and lag are measured in whole seconds' terms. */
export const MIN_INTERVAL_MS = 1000;

export function isValidTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Everything wrong with a timing, each problem naming its field (the api answers 400
 * with this list). An empty list means every function here accepts the timing.
 */
export function validateScheduleTiming(timing: ScheduleTiming): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const { rule, window } = timing;
  if (rule.kind === 'cron') {
    if (!isValidTimeZone(rule.timezone)) {
      problems.push({ field: 'rule.timezone', message: `'${rule.timezone}' is not an IANA time zone (e.g. Europe/Berlin, UTC)` });
    } else {
      try {
        new Cron(rule.expression, { paused: true, timezone: rule.timezone });
      } catch (error) {
        problems.push({ field: 'rule.expression', message: error instanceof Error ? error.message : String(error) });
      }
    }
  } else if (rule.kind === 'interval') {
    if (!Number.isInteger(rule.everyMs) || rule.everyMs < MIN_INTERVAL_MS) {
      problems.push({ field: 'rule.every_ms', message: `must be a whole number of at least ${MIN_INTERVAL_MS}` });
    }
  } else if (Number.isNaN(rule.at.getTime())) {
    problems.push({ field: 'rule.at', message: 'must be an ISO 8601 instant' });
  }
  if (window.startAt && window.endAt && window.endAt.getTime() <= window.startAt.getTime()) {
    problems.push({ field: 'end_at', message: 'must be after start_at' });
  }
  return problems;
}
