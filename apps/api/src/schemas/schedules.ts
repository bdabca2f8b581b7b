import { z } from 'zod';
import { isSystemName, RESERVED_NAME_MESSAGE } from '@interflow/broker';
import {
  type MissedFirePolicy,
  type Schedule,
  type ScheduleRuleSpec,
  type ScheduleSpec,
  type ScheduleTarget,
} from '@interflow/registry';
import { pageQueryShape } from '../http/pagination';

const instant = z.iso.datetime({ offset: true, message: 'expected an ISO 8601 instant with offset, e.g. 2026-01-05T10:00:00Z' });
const headerValues = z.record(z.string().max(200), z.union([z.string(), z.number(), z.boolean()]));

export const scheduleTargetBody = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('action'),
    action_id: z.uuid({ message: 'expected an action id (uuid)' }),
    input: z.record(z.string(), z.json()).default({}).describe("the run input, merged over the action's default input"),
  }),
  z
    .strictObject({
      type: z.literal('exchange'),
      exchange: z
        .string()
        .max(255)
        .refine((name) => !isSystemName(name), { message: RESERVED_NAME_MESSAGE })
        .describe("an exchange name; '' is the default exchange (routes by queue name)"),
      routing_key: z.string().max(255).default(''),
      headers: headerValues.default({}),
      payload: z.json().default({}),
    })
    // through the default exchange the routing key is a queue: a schedule may not feed Interflow's own
    .refine((target) => target.exchange !== '' || !isSystemName(target.routing_key), {
      message: `through the default exchange the routing key names a queue: ${RESERVED_NAME_MESSAGE}`,
      path: ['routing_key'],
    }),
]);

export const scheduleRuleBody = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('cron'),
    expression: z.string().trim().min(1).max(200).describe('croner syntax: 5 fields, or 6 with seconds first'),
    timezone: z.string().max(100).default('UTC').describe('IANA time zone of the wall-clock times'),
  }),
  z.strictObject({ type: z.literal('interval'), every_ms: z.number().int().min(1000).max(366 * 86_400_000) }),
  z.strictObject({ type: z.literal('once'), at: instant }),
]);

const specFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000),
  enabled: z.boolean(),
  target: scheduleTargetBody,
  rule: scheduleRuleBody,
  start_at: instant.nullable(),
  end_at: instant.nullable(),
  jitter_ms: z.number().int().min(0).max(86_400_000),
  ttl_ms: z.number().int().min(1).max(366 * 86_400_000).nullable(),
  priority: z.number().int().min(1).max(5).nullable(),
  overlap_policy: z.enum(['allow', 'skip', 'buffer_one']),
  missed_fire_policy: z.enum(['skip', 'run_once', 'backfill']),
  backfill_limit: z.number().int().min(1).max(10_000),
};

export const createScheduleBody = z.strictObject({
  name: specFields.name,
  description: specFields.description.default(''),
  enabled: specFields.enabled.default(true),
  target: specFields.target,
  rule: specFields.rule,
  start_at: specFields.start_at.default(null),
  end_at: specFields.end_at.default(null),
  jitter_ms: specFields.jitter_ms.default(0),
  ttl_ms: specFields.ttl_ms.default(null),
  priority: specFields.priority.default(null),
  overlap_policy: specFields.overlap_policy.default('allow'),
  missed_fire_policy: specFields.missed_fire_policy.default('skip'),
  backfill_limit: specFields.backfill_limit.default(10),
});

/** A PATCH names only what changes; `target` and `rule` are replaced as a whole. */
export const updateScheduleBody = z.strictObject({
  name: specFields.name.optional(),
  description: specFields.description.optional(),
  enabled: specFields.enabled.optional(),
  target: specFields.target.optional(),
  rule: specFields.rule.optional(),
  start_at: specFields.start_at.optional(),
  end_at: specFields.end_at.optional(),
  jitter_ms: specFields.jitter_ms.optional(),
  ttl_ms: specFields.ttl_ms.optional(),
  priority: specFields.priority.optional(),
  overlap_policy: specFields.overlap_policy.optional(),
  missed_fire_policy: specFields.missed_fire_policy.optional(),
  backfill_limit: specFields.backfill_limit.optional(),
});

export const previewBody = z.strictObject({
  rule: scheduleRuleBody,
  start_at: instant.nullable().default(null),
  end_at: instant.nullable().default(null),
  count: z.number().int().min(1).max(1000).default(10),
  from: instant.optional().describe('default: now'),
});

export const previewQuery = z.strictObject({
  count: z.coerce.number().int().min(1).max(1000).default(10),
});

export const listSchedulesQuery = z.strictObject({ ...pageQueryShape });

export type CreateScheduleBody = z.output<typeof createScheduleBody>;
export type UpdateScheduleBody = z.output<typeof updateScheduleBody>;
type RuleBody = z.output<typeof scheduleRuleBody>;
type TargetBody = z.output<typeof scheduleTargetBody>;

export function ruleFromBody(rule: RuleBody): ScheduleRuleSpec {
  if (rule.type === 'cron') return { type: 'cron', expression: rule.expression, timezone: rule.timezone };
  if (rule.type === 'interval') return { type: 'interval', everyMs: rule.every_ms };
  return { type: 'once', at: new Date(rule.at) };
}

function targetFromBody(target: TargetBody): ScheduleTarget {
  if (target.type === 'action') return { type: 'action', actionId: target.action_id, input: target.input };
  return { type: 'exchange', exchange: target.exchange, routingKey: target.routing_key, headers: target.headers, payload: target.payload };
}

function missedPolicy(kind: CreateScheduleBody['missed_fire_policy'], limit: number): MissedFirePolicy {
  return kind === 'backfill' ? { kind, limit } : { kind };
}

const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

export function specFromCreateBody(body: CreateScheduleBody): ScheduleSpec {
  return {
    name: body.name,
    description: body.description,
    enabled: body.enabled,
    target: targetFromBody(body.target),
    rule: ruleFromBody(body.rule),
    startAt: dateOrNull(body.start_at),
    endAt: dateOrNull(body.end_at),
    jitterMs: body.jitter_ms,
    ttlMs: body.ttl_ms,
    priority: body.priority,
    overlapPolicy: body.overlap_policy,
    missedFirePolicy: missedPolicy(body.missed_fire_policy, body.backfill_limit),
  };
}

/** The stored spec with the PATCH applied. */
export function specWithPatch(current: Schedule, patch: UpdateScheduleBody): ScheduleSpec {
  const currentLimit = current.missedFirePolicy.kind === 'backfill' ? current.missedFirePolicy.limit : 10;
  return {
    name: patch.name ?? current.name,
    description: patch.description ?? current.description,
    enabled: patch.enabled ?? current.enabled,
    target: patch.target ? targetFromBody(patch.target) : current.target,
    rule: patch.rule ? ruleFromBody(patch.rule) : current.rule,
    startAt: patch.start_at !== undefined ? dateOrNull(patch.start_at) : current.startAt,
    endAt: patch.end_at !== undefined ? dateOrNull(patch.end_at) : current.endAt,
    jitterMs: patch.jitter_ms ?? current.jitterMs,
    ttlMs: patch.ttl_ms !== undefined ? patch.ttl_ms : current.ttlMs,
    priority: patch.priority !== undefined ? patch.priority : current.priority,
    overlapPolicy: patch.overlap_policy ?? current.overlapPolicy,
    missedFirePolicy: missedPolicy(patch.missed_fire_policy ?? current.missedFirePolicy.kind, patch.backfill_limit ?? currentLimit),
  };
}
