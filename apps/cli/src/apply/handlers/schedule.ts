import { orThrow } from '@interflow/client';
import { listAll } from '../../api';
import { changedFields } from '../compare';
import type { KindHandler } from '../kinds';
import { asJson, byIdIfUnchanged, named, omit, PAGE, type Json } from './shared';

/** A stored schedule in the shape of a create body (what a file would say). */
function scheduleAsBody(raw: Json): Json {
  const rule = raw.rule as Json;
  const body = omit(raw, ['id', 'next_fire_at', 'last_fired_at', 'buffered_fire_at', 'last_error', 'version', 'etag', 'created_at', 'updated_at']);
  body.rule = rule.type === 'interval' ? omit(rule, ['anchor_at']) : rule;
  if (raw.backfill_limit === null) delete body.backfill_limit;
  return body;
}

/** Fills what the api fills in targets and rules, so a file that leaves them out matches. */
function scheduleDefaults(body: Json): Json {
  const target = { ...((body.target ?? {}) as Json) };
  if (target.type === 'action') target.input ??= {};
  if (target.type === 'exchange') {
    target.routing_key ??= '';
    target.headers ??= {};
    target.payload ??= {};
  }
  const rule = { ...((body.rule ?? {}) as Json) };
  if (rule.type === 'cron') rule.timezone ??= 'UTC';
  return { ...body, target, rule };
}

export const scheduleHandler: KindHandler = {
  kind: 'Schedule',
  createPath: '/v1/schedules',
  references: [{ specField: 'target.action', bodyField: 'target.action_id', kind: 'Action' }],
  updatable: true,
  list: async (c) => named((await listAll((cursor) => orThrow(c.GET('/v1/schedules', { params: { query: { limit: PAGE, cursor } } })))).map(asJson)),
  keyOf: (name) => name,
  diff: (stored, body) => {
    const desired = scheduleDefaults(body);
    // backfill_limit only means something with missed_fire_policy backfill.
    if (desired.missed_fire_policy !== 'backfill') delete desired.backfill_limit;
    return changedFields(scheduleAsBody(stored), desired);
  },
  create: async (c, body) => {
    const raw = asJson(await orThrow(c.POST('/v1/schedules', { body: body as never })));
    return { id: String(raw.id), key: String(raw.name), raw };
  },
  update: async (c, stored, patch) => void (await orThrow(c.PATCH('/v1/schedules/{id}', { ...byIdIfUnchanged(stored), body: patch as never }))),
  remove: async (c, stored) => void (await orThrow(c.DELETE('/v1/schedules/{id}', byIdIfUnchanged(stored)))),
  exportSpec: (raw, names) => {
    const body = omit(scheduleAsBody(raw), ['name']);
    const target = body.target as Json;
    if (target.type === 'action') {
      const { action_id: actionId, ...rest } = target;
      body.target = { ...rest, action: names.nameOf('Action', String(actionId)) ?? actionId };
    }
    return body;
  },
  exportName: (raw) => String(raw.name),
};
