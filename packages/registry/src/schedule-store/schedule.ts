import type { MessageHeaders } from '@interflow/broker';
import type { MissedFirePolicy } from '../schedule/plan-due-fires';

/** What a fire publishes. */
export type ScheduleTarget =
  /** A run request (an action message) on the action's queue, with this input. */
  | { type: 'action'; actionId: string; input: unknown }
  /** A message to an exchange. */
  | { type: 'exchange'; exchange: string; routingKey: string; headers: MessageHeaders; payload: unknown };

/** A rule as the user writes it; an interval's anchor is the schedule's (see `anchorAt`). */
export type ScheduleRuleSpec =
  | { type: 'cron'; expression: string; timezone: string }
  | { type: 'interval'; everyMs: number }
  | { type: 'once'; at: Date };

/**
 * What happens to a fire while the previous fire is unfinished (its message still in a
 * queue: ready, delayed or leased). `allow` publishes anyway; `skip` drops the fire;
 * `buffer_one` holds one fire back and publishes it once the previous finishes.
 */
export type OverlapPolicy = 'allow' | 'skip' | 'buffer_one';

/** Everything a user defines about a schedule. */
export interface ScheduleSpec {
  name: string;
  description: string;
  enabled: boolean;
  target: ScheduleTarget;
  rule: ScheduleRuleSpec;
  startAt: Date | null;
  endAt: Date | null;
  /** Each fire's start is delayed by up to this (deterministically per fire). */
  jitterMs: number;
  /** The message expires if no consumer took it within this after its start; null: never. */
  ttlMs: number | null;
  /** Message priority 1..5; null: the broker's default. */
  priority: number | null;
  overlapPolicy: OverlapPolicy;
  missedFirePolicy: MissedFirePolicy;
}

/** A stored schedule: the spec plus the state producers maintain. */
export interface Schedule extends ScheduleSpec {
  id: string;
  /** Interval rules count from here: start_at, or the creation time. */
  anchorAt: Date;
  /** The next fire not yet handled; null when no fire is left (paused schedules keep it). */
  nextFireAt: Date | null;
  /** The fire time of the latest published fire. */
  lastFiredAt: Date | null;
  lastFireMessageIds: string[];
  bufferedFireAt: Date | null;
  /** Why the latest attempt to publish a fire failed; cleared by the next success. */
  lastError: string | null;
  /** A failing schedule is not retried before this. */
  retryAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}
