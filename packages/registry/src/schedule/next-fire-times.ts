import { Cron } from 'croner';
import type { CronRule, ScheduleRule, ScheduleTiming } from './schedule-rule';

/**
 * Compiled cron patterns, shared: a producer evaluates the same few patterns for
 * thousands of schedules every second, and compiling is the expensive part.
 */
const compiledCrons = new Map<string, Cron>();
const COMPILED_CRON_LIMIT = 1000;

function compiledCron(rule: CronRule): Cron {
  const key = `${rule.timezone}\u0000${rule.expression}`;
  let cron = compiledCrons.get(key);
  if (!cron) {
    if (compiledCrons.size >= COMPILED_CRON_LIMIT) compiledCrons.clear();
    cron = new Cron(rule.expression, { paused: true, timezone: rule.timezone });
    compiledCrons.set(key, cron);
  }
  return cron;
}

/**
 * Answers of `cronFireAtOrAfter`, shared: thousands of schedules with the same pattern
 * ask the same question every second, and croner needs ~50 µs to answer it. The
 * function is pure, so a cached answer is always right.
 */
const cronAnswers = new Map<string, Date | null>();
const CRON_ANSWER_LIMIT = 10_000;

function cronFireAtOrAfter(rule: CronRule, t: number): Date | null {
  const key = `${rule.timezone}\u0000${rule.expression}\u0000${t}`;
  const known = cronAnswers.get(key);
  if (known !== undefined) return known;
  // croner answers "strictly after" at whole seconds; step back one second and step
  // forward once more if that landed before a sub-second `t`.
  const cron = compiledCron(rule);
  let candidate = cron.nextRun(new Date(t - 1000));
  if (candidate && candidate.getTime() < t) candidate = cron.nextRun(candidate);
  if (cronAnswers.size >= CRON_ANSWER_LIMIT) cronAnswers.clear();
  cronAnswers.set(key, candidate);
  return candidate;
}

/** The rule's first fire at or after `instant`, ignoring the window; null when none is left. */
function ruleFireAtOrAfter(rule: ScheduleRule, instant: Date): Date | null {
  const t = instant.getTime();
  switch (rule.kind) {
    case 'once':
      return rule.at.getTime() >= t ? rule.at : null;
    case 'interval': {
      const anchor = rule.anchorAt.getTime();
      if (t <= anchor) return rule.anchorAt;
      return new Date(anchor + Math.ceil((t - anchor) / rule.everyMs) * rule.everyMs);
    }
    case 'cron':
      return cronFireAtOrAfter(rule, t);
  }
}

/** The first fire at or after `instant` inside the window; null when the schedule is done. */
export function fireAtOrAfter(timing: ScheduleTiming, instant: Date): Date | null {
  const { startAt, endAt } = timing.window;
  const from = startAt && startAt.getTime() > instant.getTime() ? startAt : instant;
  const fire = ruleFireAtOrAfter(timing.rule, from);
  if (!fire) return null;
  if (endAt && fire.getTime() >= endAt.getTime()) return null;
  return fire;
}

/** The first fire strictly after `instant` (the fire after one that just happened). */
export function fireAfter(timing: ScheduleTiming, instant: Date): Date | null {
  return fireAtOrAfter(timing, new Date(instant.getTime() + 1));
}

/** Up to `count` fires from `from` on (inclusive), in order: the api's preview. */
export function nextFireTimes(timing: ScheduleTiming, from: Date, count: number): Date[] {
  const fires: Date[] = [];
  let fire = fireAtOrAfter(timing, from);
  while (fire && fires.length < count) {
    fires.push(fire);
    fire = fireAfter(timing, fire);
  }
  return fires;
}
