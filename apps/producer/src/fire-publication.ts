import { DEFAULT_EXCHANGE, NotFoundError, type Publication, type Schedule } from '@interflow/core';
import type { FireDecision } from './fire-decisions';

/** Headers every scheduled message carries, so a consumer can tell which fire it is. */
export const SCHEDULE_ID_HEADER = 'x-schedule-id';
export const FIRE_TIME_HEADER = 'x-fire-time';
export const ACTION_ID_HEADER = 'x-action-id';

/**
 * The message one fire publishes. An action target becomes a run request on the
 * action's queue (COORDINATION contract 3: payload `{action_id, input}`, no run id: the
 * runner creates the run keyed by the message id); an exchange target is the schedule's
 * payload and headers to its exchange and routing key. Jitter delays visibility; the TTL
 * counts from that visible instant.
 */
export function firePublication(schedule: Schedule, decision: FireDecision, actionQueue: string | null): Publication {
  const fireHeaders = { [SCHEDULE_ID_HEADER]: schedule.id, [FIRE_TIME_HEADER]: decision.fireTime.toISOString() };
  const timing = {
    notBefore: decision.startAt,
    ...(schedule.ttlMs === null ? {} : { expiresAt: new Date(decision.startAt.getTime() + schedule.ttlMs) }),
    ...(schedule.priority === null ? {} : { priority: schedule.priority }),
    sender: `schedule:${schedule.id}`,
  };
  const { target } = schedule;
  if (target.type === 'action') {
    // an InterflowError: the scheduler parks this schedule and fires the others
    if (!actionQueue) throw new NotFoundError('action', target.actionId);
    return {
      exchange: DEFAULT_EXCHANGE,
      routingKey: actionQueue,
      mandatory: true,
      message: {
        payload: { action_id: target.actionId, input: target.input },
        headers: { ...fireHeaders, [ACTION_ID_HEADER]: target.actionId },
        ...timing,
      },
    };
  }
  return {
    exchange: target.exchange,
    routingKey: target.routingKey,
    message: { payload: target.payload, headers: { ...target.headers, ...fireHeaders }, ...timing },
  };
}
