import { DEFAULT_EXCHANGE, type Publication } from '@interflow/broker';
import { NotFoundError } from '@interflow/core';
import { runRequestMessage, type RunRequestKeys, type Schedule } from '@interflow/registry';
import type { FireDecision } from './fire-decisions';

/** Headers every scheduled message carries, so a consumer can tell which fire it is. */
export const SCHEDULE_ID_HEADER = 'x-schedule-id';
export const FIRE_TIME_HEADER = 'x-fire-time';

/**
 * The message one fire publishes. An action target becomes a signed run request on the
 * action's queue (core's run-request contract, trigger `schedule`, no run id: the
 * runner creates the run keyed by the message id); an exchange target is the schedule's
 * payload and headers to its exchange and routing key. Jitter delays visibility; the TTL
 * counts from that visible instant.
 */
export function firePublication(schedule: Schedule, decision: FireDecision, actionQueue: string | null, keys: RunRequestKeys): Publication {
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
    const request = runRequestMessage(keys, { actionId: target.actionId, runId: null, input: target.input as Record<string, unknown>, trigger: 'schedule' });
    return {
      exchange: DEFAULT_EXCHANGE,
      routingKey: actionQueue,
      mandatory: true,
      message: {
        payload: request.payload,
        headers: { ...fireHeaders, ...request.headers },
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
