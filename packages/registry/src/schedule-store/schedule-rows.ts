import type { MessageHeaders } from '@interflow/broker';
import type { MissedFirePolicy } from '../schedule/plan-due-fires';
import type { ScheduleRule, ScheduleTiming } from '../schedule/schedule-rule';
import type { OverlapPolicy, Schedule, ScheduleRuleSpec, ScheduleSpec, ScheduleTarget } from './schedule';

/** A `schedules` row as the `postgres` client returns it. */
export interface ScheduleRow {
  id: string;
  seq: string;
  name: string;
  description: string;
  enabled: boolean;
  target_type: 'action' | 'exchange';
  action_id: string | null;
  exchange: string | null;
  routing_key: string;
  headers: MessageHeaders;
  payload: unknown;
  priority: number | null;
  rule_type: 'cron' | 'interval' | 'once';
  cron_expression: string | null;
  timezone: string;
  interval_ms: string | number | null;
  run_at: Date | null;
  anchor_at: Date;
  start_at: Date | null;
  end_at: Date | null;
  jitter_ms: number;
  ttl_ms: string | number | null;
  overlap_policy: OverlapPolicy;
  missed_fire_policy: MissedFirePolicy['kind'];
  backfill_limit: number;
  next_fire_at: Date | null;
  last_fired_at: Date | null;
  last_fire_message_ids: string[];
  buffered_fire_at: Date | null;
  last_error: string | null;
  retry_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const toNumber = (value: string | number | null): number | null => (value === null ? null : Number(value));

/** A schedule's ETag: its version, which every change of its spec (not a fire) raises. */
export function scheduleEtag(version: number): string {
  return `"${version}"`;
}

export function scheduleFromRow(row: ScheduleRow): Schedule {
  const target: ScheduleTarget =
    row.target_type === 'action'
      ? { type: 'action', actionId: row.action_id ?? '', input: row.payload }
      : { type: 'exchange', exchange: row.exchange ?? '', routingKey: row.routing_key, headers: row.headers, payload: row.payload };
  const rule: ScheduleRuleSpec =
    row.rule_type === 'cron'
      ? { type: 'cron', expression: row.cron_expression ?? '', timezone: row.timezone }
      : row.rule_type === 'interval'
        ? { type: 'interval', everyMs: toNumber(row.interval_ms) ?? 0 }
        : { type: 'once', at: row.run_at ?? new Date(NaN) };
  const missedFirePolicy: MissedFirePolicy =
    row.missed_fire_policy === 'backfill' ? { kind: 'backfill', limit: row.backfill_limit } : { kind: row.missed_fire_policy };
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    enabled: row.enabled,
    target,
    rule,
    startAt: row.start_at,
    endAt: row.end_at,
    jitterMs: row.jitter_ms,
    ttlMs: toNumber(row.ttl_ms),
    priority: row.priority,
    overlapPolicy: row.overlap_policy,
    missedFirePolicy,
    anchorAt: row.anchor_at,
    nextFireAt: row.next_fire_at,
    lastFiredAt: row.last_fired_at,
    lastFireMessageIds: row.last_fire_message_ids,
    bufferedFireAt: row.buffered_fire_at,
    lastError: row.last_error,
    retryAt: row.retry_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The pure-maths view of a schedule's timing. */
export function scheduleTiming(spec: Pick<ScheduleSpec, 'rule' | 'startAt' | 'endAt'>, anchorAt: Date): ScheduleTiming {
  const rule: ScheduleRule =
    spec.rule.type === 'cron'
      ? { kind: 'cron', expression: spec.rule.expression, timezone: spec.rule.timezone }
      : spec.rule.type === 'interval'
        ? { kind: 'interval', everyMs: spec.rule.everyMs, anchorAt }
        : { kind: 'once', at: spec.rule.at };
  return { rule, window: { startAt: spec.startAt, endAt: spec.endAt } };
}

/** The columns a spec writes, in `schedules` names. */
export function specColumns(spec: ScheduleSpec) {
  const { target, rule } = spec;
  return {
    name: spec.name,
    description: spec.description,
    enabled: spec.enabled,
    target_type: target.type,
    action_id: target.type === 'action' ? target.actionId : null,
    exchange: target.type === 'exchange' ? target.exchange : null,
    routing_key: target.type === 'exchange' ? target.routingKey : '',
    headers: target.type === 'exchange' ? target.headers : {},
    payload: (target.type === 'action' ? target.input : target.payload) ?? {},
    priority: spec.priority,
    rule_type: rule.type,
    cron_expression: rule.type === 'cron' ? rule.expression : null,
    timezone: rule.type === 'cron' ? rule.timezone : 'UTC',
    interval_ms: rule.type === 'interval' ? rule.everyMs : null,
    run_at: rule.type === 'once' ? rule.at : null,
    start_at: spec.startAt,
    end_at: spec.endAt,
    jitter_ms: spec.jitterMs,
    ttl_ms: spec.ttlMs,
    overlap_policy: spec.overlapPolicy,
    missed_fire_policy: spec.missedFirePolicy.kind,
    backfill_limit: spec.missedFirePolicy.kind === 'backfill' ? spec.missedFirePolicy.limit : 10,
  };
}
