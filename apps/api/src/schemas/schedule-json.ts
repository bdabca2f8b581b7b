import { z } from 'zod';
import { scheduleEtag, type Schedule, type ScheduleFire } from '@interflow/registry';

const instantOrNull = z.string().nullable();

export const scheduleJson = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  enabled: z.boolean(),
  target: z.union([
    z.object({ type: z.literal('action'), action_id: z.uuid(), input: z.json() }),
    z.object({
      type: z.literal('exchange'),
      exchange: z.string(),
      routing_key: z.string(),
      headers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
      payload: z.json(),
    }),
  ]),
  rule: z.union([
    z.object({ type: z.literal('cron'), expression: z.string(), timezone: z.string() }),
    z.object({ type: z.literal('interval'), every_ms: z.number(), anchor_at: z.string().describe('fires are counted from here') }),
    z.object({ type: z.literal('once'), at: z.string() }),
  ]),
  start_at: instantOrNull,
  end_at: instantOrNull,
  jitter_ms: z.number(),
  ttl_ms: z.number().nullable(),
  priority: z.number().nullable(),
  overlap_policy: z.enum(['allow', 'skip', 'buffer_one']),
  missed_fire_policy: z.enum(['skip', 'run_once', 'backfill']),
  backfill_limit: z.number().nullable(),
  next_fire_at: instantOrNull.describe('the next fire not yet handled; null when no fire is left'),
  last_fired_at: instantOrNull.describe('fire time of the latest published fire'),
  buffered_fire_at: instantOrNull.describe('buffer_one: the fire waiting for the previous one to finish'),
  last_error: z.string().nullable().describe('why the latest publish attempt failed (cleared by the next success)'),
  version: z.number(),
  etag: z.string().describe('the version as an ETag (also the ETag header); pass it in If-Match to update or delete safely'),
  created_at: z.string(),
  updated_at: z.string(),
});

export const scheduleFireJson = z.object({
  fire_time: z.string(),
  outcome: z.enum(['published', 'skipped_overlap', 'expired']),
  recorded_at: z.string().describe('when the producer handled it'),
});

export function scheduleFireToJson(fire: ScheduleFire): z.infer<typeof scheduleFireJson> {
  return { fire_time: fire.fireTime.toISOString(), outcome: fire.outcome, recorded_at: fire.recordedAt.toISOString() };
}

export const previewJson = z.object({ fire_times: z.array(z.string()) });

export type ScheduleJson = z.infer<typeof scheduleJson>;

const iso = (value: Date | null) => value?.toISOString() ?? null;

export function scheduleToJson(schedule: Schedule): ScheduleJson {
  const { target, rule } = schedule;
  return {
    id: schedule.id,
    name: schedule.name,
    description: schedule.description,
    enabled: schedule.enabled,
    target:
      target.type === 'action'
        ? { type: 'action', action_id: target.actionId, input: target.input as z.infer<ReturnType<typeof z.json>> }
        : {
            type: 'exchange',
            exchange: target.exchange,
            routing_key: target.routingKey,
            headers: target.headers,
            payload: target.payload as z.infer<ReturnType<typeof z.json>>,
          },
    rule:
      rule.type === 'cron'
        ? { type: 'cron', expression: rule.expression, timezone: rule.timezone }
        : rule.type === 'interval'
          ? { type: 'interval', every_ms: rule.everyMs, anchor_at: schedule.anchorAt.toISOString() }
          : { type: 'once', at: rule.at.toISOString() },
    start_at: iso(schedule.startAt),
    end_at: iso(schedule.endAt),
    jitter_ms: schedule.jitterMs,
    ttl_ms: schedule.ttlMs,
    priority: schedule.priority,
    overlap_policy: schedule.overlapPolicy,
    missed_fire_policy: schedule.missedFirePolicy.kind,
    backfill_limit: schedule.missedFirePolicy.kind === 'backfill' ? schedule.missedFirePolicy.limit : null,
    next_fire_at: iso(schedule.nextFireAt),
    last_fired_at: iso(schedule.lastFiredAt),
    buffered_fire_at: iso(schedule.bufferedFireAt),
    last_error: schedule.lastError,
    version: schedule.version,
    etag: scheduleEtag(schedule.version),
    created_at: schedule.createdAt.toISOString(),
    updated_at: schedule.updatedAt.toISOString(),
  };
}
