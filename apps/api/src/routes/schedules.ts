import { Router, type Request } from 'express';
import { DEFAULT_EXCHANGE, type Broker } from '@interflow/broker';
import { NotFoundError, ValidationError, type Clock, type Sql } from '@interflow/core';
import {
  createSchedule,
  assertMatchesSchema,
  getAction,
  mergeRunInput,
  resolveMethod,
  deleteSchedule,
  fireScheduleNow,
  getSchedule,
  listScheduleFires,
  listSchedules,
  nextFireTimes,
  scheduleEtag,
  scheduleTiming,
  updateSchedule,
  validateScheduleTiming,
  type Principal,
  type ScheduleSpec,
  type ScheduleTarget,
} from '@interflow/registry';
import { requireRole } from '../http/authorize';
import { ifMatchOf } from '../http/if-match';
import { requireScheduleTargetAccess } from '../http/schedule-access';
import { decodeCursor, toPageBody } from '../http/pagination';
import { idParams, parseBody, parseParams, parseQuery } from '../http/validate';
import { scheduleFireToJson, scheduleToJson } from '../schemas/schedule-json';
import {
  createScheduleBody,
  listSchedulesQuery,
  previewBody,
  previewQuery,
  ruleFromBody,
  specFromCreateBody,
  specWithPatch,
  updateScheduleBody,
} from '../schemas/schedules';

/** Rule problems the schema cannot see (a time zone, a cron pattern, end before start): a 400 naming them. */
function assertValidTiming(spec: Pick<ScheduleSpec, 'rule' | 'startAt' | 'endAt'>, anchorAt: Date): void {
  const problems = validateScheduleTiming(scheduleTiming(spec, anchorAt));
  if (problems.length > 0) {
    throw new ValidationError(`invalid request body: ${problems.map((p) => p.field).join(', ')}`, problems);
  }
}

/** A one-shot rule for an instant that has passed would never fire: refused, not stored idle. */
function assertOneShotAhead(rule: ScheduleSpec['rule'], now: Date): void {
  if (rule.type === 'once' && rule.at.getTime() < now.getTime()) {
    throw new ValidationError('invalid request body: rule.at', [
      { field: 'rule.at', message: `${rule.at.toISOString()} has passed; a one-shot schedule must lie ahead` },
    ]);
  }
}

/**
 * A target that cannot exist is bad input (400 naming the field), not a schedule that
 * fails at every fire. A target deleted later is reported in the schedule's last_error.
 */
async function assertTargetExists(deps: { sql: Sql; broker: Broker }, target: ScheduleTarget): Promise<void> {
  if (target.type === 'action') {
    const action = await getAction(deps.sql, target.actionId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    if (!action) {
      throw new ValidationError('invalid request body: target.action_id', [
        { field: 'target.action_id', message: `action '${target.actionId}' does not exist` },
      ]);
    }
    // the run the fire requests must be valid, as a triggered one is
    const method = await resolveMethod(deps.sql, action.deploymentId, action.method);
    const input = mergeRunInput(action.defaultInput, target.input as Record<string, unknown>);
    if (method.input_schema) assertMatchesSchema(method.input_schema, input, 'target.input', 'the input');
  } else if (target.exchange !== DEFAULT_EXCHANGE && !(await deps.broker.getExchange(target.exchange))) {
    throw new ValidationError('invalid request body: target.exchange', [
      { field: 'target.exchange', message: `exchange '${target.exchange}' does not exist` },
    ]);
  }
}

/**
 * `/v1/schedules`: what the producers fire. Every change recomputes `next_fire_at` and
 * notifies the producers in its transaction, so it takes effect without a restart.
 * Reads need viewer, changes operator, and access to the target (schedule-access.ts):
 * a schedule of an action the caller may not read is not even listed.
 */
export function scheduleRoutes(deps: { sql: Sql; clock: Clock; broker: Broker }): Router {
  const router = Router();

  /** The schedule, if the caller may read it (404 as if missing otherwise). */
  const readableSchedule = async (req: Request, id: string) => {
    const principal = requireRole(req, 'viewer');
    const schedule = await getSchedule(deps.sql, id);
    await requireScheduleTargetAccess(deps.sql, req, principal, schedule.target, 'read', { kind: 'schedule', id });
    return schedule;
  };

  /** The schedule, if the caller may read it and change it (run access to its target). */
  const changeableSchedule = async (req: Request, principal: Principal, id: string) => {
    const schedule = await readableSchedule(req, id);
    await requireScheduleTargetAccess(deps.sql, req, principal, schedule.target, 'run', { kind: 'schedule', id });
    return schedule;
  };

  router.post('/v1/schedules', async (req, res) => {
    const principal = requireRole(req, 'operator');
    const spec = specFromCreateBody(parseBody(createScheduleBody, req));
    const target = spec.target;
    const hiddenAs = target.type === 'action' ? { kind: 'action', id: target.actionId } : { kind: 'exchange', id: target.exchange };
    await requireScheduleTargetAccess(deps.sql, req, principal, target, 'run', hiddenAs);
    const now = deps.clock.now();
    assertValidTiming(spec, spec.startAt ?? now);
    assertOneShotAhead(spec.rule, now);
    await assertTargetExists(deps, spec.target);
    const schedule = await createSchedule(deps.sql, spec, now);
    req.log.info('schedule created', { scheduleId: schedule.id });
    res.status(201).location(`/v1/schedules/${schedule.id}`).json(scheduleToJson(schedule));
  });

  router.get('/v1/schedules', async (req, res) => {
    const principal = requireRole(req, 'viewer');
    const query = parseQuery(listSchedulesQuery, req);
    const page = await listSchedules(deps.sql, { limit: query.limit, after: decodeCursor(query.cursor), principal });
    res.json(toPageBody(page, scheduleToJson));
  });

  router.post('/v1/schedules/preview', async (req, res) => {
    requireRole(req, 'viewer');
    const body = parseBody(previewBody, req);
    const from = body.from ? new Date(body.from) : deps.clock.now();
    const spec = { rule: ruleFromBody(body.rule), startAt: body.start_at ? new Date(body.start_at) : null, endAt: body.end_at ? new Date(body.end_at) : null };
    const anchorAt = spec.startAt ?? new Date(Math.floor(deps.clock.now().getTime() / 1000) * 1000);
    assertValidTiming(spec, anchorAt);
    const fires = nextFireTimes(scheduleTiming(spec, anchorAt), from, body.count);
    res.json({ fire_times: fires.map((f) => f.toISOString()) });
  });

  router.get('/v1/schedules/:id', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const schedule = await readableSchedule(req, id);
    res.setHeader('etag', scheduleEtag(schedule.version)).json(scheduleToJson(schedule));
  });

  router.get('/v1/schedules/:id/next-fires', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const { count } = parseQuery(previewQuery, req);
    const schedule = await readableSchedule(req, id);
    const from = schedule.nextFireAt ?? deps.clock.now();
    const fires = schedule.nextFireAt ? nextFireTimes(scheduleTiming(schedule, schedule.anchorAt), from, count) : [];
    res.json({ fire_times: fires.map((f) => f.toISOString()) });
  });

  router.get('/v1/schedules/:id/fires', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const query = parseQuery(listSchedulesQuery, req);
    await readableSchedule(req, id);
    const page = await listScheduleFires(deps.sql, id, { limit: query.limit, before: decodeCursor(query.cursor) });
    res.json(toPageBody(page, scheduleFireToJson));
  });

  router.patch('/v1/schedules/:id', async (req, res) => {
    const principal = requireRole(req, 'operator');
    const { id } = parseParams(idParams, req);
    const patch = parseBody(updateScheduleBody, req);
    const current = await changeableSchedule(req, principal, id);
    const spec = specWithPatch(current, patch);
    if (patch.target) await requireScheduleTargetAccess(deps.sql, req, principal, spec.target, 'run', { kind: 'schedule', id });
    assertValidTiming(spec, spec.startAt ?? current.anchorAt);
    if (patch.rule) assertOneShotAhead(spec.rule, deps.clock.now());
    if (patch.target) await assertTargetExists(deps, spec.target);
    const schedule = await updateSchedule(deps.sql, id, spec, deps.clock.now(), ifMatchOf(req));
    req.log.info('schedule updated', { scheduleId: id, enabled: schedule.enabled });
    res.setHeader('etag', scheduleEtag(schedule.version)).json(scheduleToJson(schedule));
  });

  router.post('/v1/schedules/:id/fire', async (req, res) => {
    const principal = requireRole(req, 'operator');
    const { id } = parseParams(idParams, req);
    await changeableSchedule(req, principal, id);
    const schedule = await fireScheduleNow(deps.sql, id, deps.clock.now());
    req.log.info('schedule fired by hand', { scheduleId: id });
    res.status(202).json(scheduleToJson(schedule));
  });

  router.delete('/v1/schedules/:id', async (req, res) => {
    const principal = requireRole(req, 'operator');
    const { id } = parseParams(idParams, req);
    await changeableSchedule(req, principal, id);
    await deleteSchedule(deps.sql, id, ifMatchOf(req));
    req.log.info('schedule deleted', { scheduleId: id });
    res.status(204).end();
  });

  return router;
}
