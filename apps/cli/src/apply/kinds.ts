import { orThrow, type InterflowClient } from '@interflow/client';
import { listAll } from '../api';
import { changedFields, subsetDiffers, type FieldChange } from './compare';

type Json = Record<string, unknown>;

/** The kinds a manifest may declare, in the order they are created (deleted in reverse). */
export const KIND_NAMES = ['Exchange', 'Queue', 'Binding', 'Service', 'Deployment', 'Action', 'Subscription', 'Schedule'] as const;
export type KindName = (typeof KIND_NAMES)[number];

/** An object as stored: its api id, the key a declaration is matched by, the api's JSON. */
export interface Stored {
  id: string;
  key: string;
  raw: Json;
}

/** A reference from a spec to another declared or stored object, by name. */
export interface Reference {
  /** The spec field holding the name (`service`, `target.action`). */
  specField: string;
  /** The body field that takes the id (`service_id`, `target.action_id`). */
  bodyField: string;
  kind: KindName;
}

/** Names ↔ ids of stored objects, for turning references into ids and back. */
export interface Names {
  idOf(kind: KindName, name: string): string | undefined;
  nameOf(kind: KindName, id: string): string | undefined;
}

/** How apply and export handle one kind. */
export interface KindHandler {
  kind: KindName;
  /** The create operation whose request body schema validates a declaration's body. */
  createPath: string;
  references: Reference[];
  /** Whether a changed declaration is updated in place (else it must be deleted and created again). */
  updatable: boolean;
  list(client: InterflowClient, names: Names): Promise<Stored[]>;
  /** The key a body is matched with among stored objects (name, or content for bindings). */
  keyOf(name: string, body: Json): string;
  /** The fields of `body` that differ from the stored object. */
  diff(stored: Json, body: Json): FieldChange[];
  create(client: InterflowClient, body: Json): Promise<Stored>;
  update(client: InterflowClient, stored: Stored, patch: Json): Promise<void>;
  remove(client: InterflowClient, stored: Stored): Promise<void>;
  /** The spec an exported document carries (references as names, no ids, no secrets, nothing derived). */
  exportSpec(raw: Json, names: Names): Json;
  /** The name an exported document gets. */
  exportName(raw: Json, names: Names): string;
  /** Objects Interflow made itself (system queues, a subscription's binding): never exported. */
  isSystem?(raw: Json): boolean;
}

const PAGE = 500;
const j = <T>(value: T): Json => value as unknown as Json;
const byId = (id: string) => ({ params: { path: { id } } });
const omit = (raw: Json, keys: string[]): Json => Object.fromEntries(Object.entries(raw).filter(([key]) => !keys.includes(key)));
const isSystemName = (name: unknown) => typeof name === 'string' && name.startsWith('interflow.');

const named = (items: Json[]): Stored[] => items.map((raw) => ({ id: String(raw.id ?? raw.name), key: String(raw.name), raw }));

const exchange: KindHandler = {
  kind: 'Exchange',
  createPath: '/v1/exchanges',
  references: [],
  updatable: false,
  list: async (c) => named((await listAll((cursor) => orThrow(c.GET('/v1/exchanges', { params: { query: { limit: PAGE, cursor } } })))).map(j)),
  keyOf: (name) => name,
  diff: (stored, body) => changedFields(stored, { type: body.type, alternate_exchange: body.alternate_exchange ?? null }),
  create: async (c, body) => {
    const raw = j(await orThrow(c.POST('/v1/exchanges', { body: body as never })));
    return { id: String(raw.name), key: String(raw.name), raw };
  },
  update: async () => undefined,
  remove: async (c, stored) => void (await orThrow(c.DELETE('/v1/exchanges/{name}', { params: { path: { name: stored.id } } }))),
  exportSpec: (raw) => ({ type: raw.type, ...(raw.alternate_exchange ? { alternate_exchange: raw.alternate_exchange } : {}) }),
  exportName: (raw) => String(raw.name),
  isSystem: (raw) => isSystemName(raw.name),
};

const queue: KindHandler = {
  kind: 'Queue',
  createPath: '/v1/queues',
  references: [],
  updatable: false,
  list: async (c) => named((await listAll((cursor) => orThrow(c.GET('/v1/queues', { params: { query: { limit: PAGE, cursor } } })))).map(j)),
  keyOf: (name) => name,
  // The api completes a policy with defaults: only what the file names is compared.
  diff: (stored, body) =>
    subsetDiffers((stored.policy ?? {}) as Json, (body.policy ?? {}) as Json) ? [{ field: 'policy', from: stored.policy, to: body.policy }] : [],
  create: async (c, body) => {
    const raw = j(await orThrow(c.POST('/v1/queues', { body: body as never })));
    return { id: String(raw.name), key: String(raw.name), raw };
  },
  update: async () => undefined,
  remove: async (c, stored) => void (await orThrow(c.DELETE('/v1/queues/{name}', { params: { path: { name: stored.id }, query: {} } }))),
  exportSpec: (raw) => ({ policy: raw.policy }),
  exportName: (raw) => String(raw.name),
  isSystem: (raw) => isSystemName(raw.name),
};

const bindingKey = (body: Json) =>
  JSON.stringify([body.exchange, body.queue, body.binding_key ?? '', body.headers ?? {}, body.headers_match ?? 'all']);

const binding: KindHandler = {
  kind: 'Binding',
  createPath: '/v1/bindings',
  references: [],
  updatable: false,
  list: async (c) =>
    (await listAll((cursor) => orThrow(c.GET('/v1/bindings', { params: { query: { limit: PAGE, cursor } } })))).map(j).map((raw) => ({
      id: String(raw.id),
      key: bindingKey(raw),
      raw,
    })),
  keyOf: (_name, body) => bindingKey(body),
  diff: (stored, body) => (bindingKey(stored) === bindingKey(body) ? [] : [{ field: 'spec', from: omit(stored, ['id', 'created_at']), to: body }]),
  create: async (c, body) => {
    const raw = j(await orThrow(c.POST('/v1/bindings', { body: body as never })));
    return { id: String(raw.id), key: bindingKey(raw), raw };
  },
  update: async () => undefined,
  remove: async (c, stored) => void (await orThrow(c.DELETE('/v1/bindings/{id}', byId(stored.id)))),
  exportSpec: (raw) => ({
    exchange: raw.exchange,
    queue: raw.queue,
    ...(raw.binding_key ? { binding_key: raw.binding_key } : {}),
    ...(Object.keys((raw.headers ?? {}) as Json).length > 0 ? { headers: raw.headers, headers_match: raw.headers_match } : {}),
  }),
  exportName: (raw) => `${String(raw.exchange) || 'default'}.${String(raw.queue)}${raw.binding_key ? `.${String(raw.binding_key)}` : ''}`.replace(/[^A-Za-z0-9_.:-]/g, '_'),
  isSystem: (raw) => isSystemName(raw.queue) || isSystemName(raw.exchange),
};

const service: KindHandler = {
  kind: 'Service',
  createPath: '/v1/services',
  references: [],
  updatable: true,
  list: async (c) => named((await listAll((cursor) => orThrow(c.GET('/v1/services', { params: { query: { limit: PAGE, cursor } } })))).map(j)),
  keyOf: (name) => name,
  diff: (stored, body) => changedFields(stored, omit(body, ['signing_secret'])),
  create: async (c, body) => {
    const raw = j(await orThrow(c.POST('/v1/services', { body: body as never })));
    return { id: String(raw.id), key: String(raw.name), raw: omit(raw, ['signing_secret']) };
  },
  update: async (c, stored, patch) => void (await orThrow(c.PATCH('/v1/services/{id}', { ...byId(stored.id), body: omit(patch, ['signing_secret']) as never }))),
  remove: async (c, stored) => void (await orThrow(c.DELETE('/v1/services/{id}', byId(stored.id)))),
  exportSpec: (raw) => omit(raw, ['id', 'name', 'created_at', 'updated_at']),
  exportName: (raw) => String(raw.name),
};

const deployment: KindHandler = {
  kind: 'Deployment',
  createPath: '/v1/deployments',
  references: [{ specField: 'service', bodyField: 'service_id', kind: 'Service' }],
  updatable: true,
  list: async (c) => named((await listAll((cursor) => orThrow(c.GET('/v1/deployments', { params: { query: { limit: PAGE, cursor } } })))).map(j)),
  keyOf: (name) => name,
  // Credentials are compared by apply (names and a salted digest), never here.
  diff: (stored, body) => changedFields(stored, omit(body, ['credentials'])),
  create: async (c, body) => {
    const raw = j(await orThrow(c.POST('/v1/deployments', { body: body as never })));
    return { id: String(raw.id), key: String(raw.name), raw };
  },
  // If-Match: the deployment must still be what was read when the plan was made.
  update: async (c, stored, patch) =>
    void (await orThrow(
      c.PATCH('/v1/deployments/{id}', { params: { path: { id: stored.id }, header: { 'If-Match': String(stored.raw.etag) } }, body: patch as never }),
    )),
  remove: async (c, stored) =>
    void (await orThrow(c.DELETE('/v1/deployments/{id}', { params: { path: { id: stored.id }, header: { 'If-Match': String(stored.raw.etag) } } }))),
  exportSpec: (raw, names) => ({
    service: names.nameOf('Service', String(raw.service_id)) ?? raw.service_id,
    ...omit(raw, ['id', 'name', 'service_id', 'credentials', 'credentials_key_id', 'etag', 'created_at', 'updated_at']),
  }),
  exportName: (raw) => String(raw.name),
};

const action: KindHandler = {
  kind: 'Action',
  createPath: '/v1/actions',
  references: [{ specField: 'deployment', bodyField: 'deployment_id', kind: 'Deployment' }],
  updatable: true,
  list: async (c) => named((await listAll((cursor) => orThrow(c.GET('/v1/actions', { params: { query: { limit: PAGE, cursor } } })))).map(j)),
  keyOf: (name) => name,
  diff: (stored, body) => changedFields(stored, body),
  create: async (c, body) => {
    const raw = j(await orThrow(c.POST('/v1/actions', { body: body as never })));
    return { id: String(raw.id), key: String(raw.name), raw: omit(raw, ['webhook_path', 'webhook_url']) };
  },
  update: async (c, stored, patch) => void (await orThrow(c.PATCH('/v1/actions/{id}', { ...byId(stored.id), body: patch as never }))),
  remove: async (c, stored) => void (await orThrow(c.DELETE('/v1/actions/{id}', byId(stored.id)))),
  exportSpec: (raw, names) => ({
    deployment: names.nameOf('Deployment', String(raw.deployment_id)) ?? raw.deployment_id,
    ...omit(raw, ['id', 'name', 'deployment_id', 'webhook_enabled', 'created_at', 'updated_at']),
  }),
  exportName: (raw) => String(raw.name),
};

const subscriptionKey = (body: Json) =>
  JSON.stringify([body.action_id, body.exchange, body.binding_key ?? '', body.headers ?? {}, body.headers_match ?? 'all']);

const subscription: KindHandler = {
  kind: 'Subscription',
  createPath: '/v1/actions/{id}/subscriptions',
  references: [{ specField: 'action', bodyField: 'action_id', kind: 'Action' }],
  updatable: false,
  list: async (c, names) => {
    const actions = await action.list(c, names);
    const pages = await Promise.all(
      actions.map((stored) =>
        listAll((cursor) => orThrow(c.GET('/v1/actions/{id}/subscriptions', { params: { path: { id: stored.id }, query: { limit: PAGE, cursor } } }))),
      ),
    );
    return pages.flat().map(j).map((raw) => ({ id: String(raw.id), key: subscriptionKey(raw), raw }));
  },
  keyOf: (_name, body) => subscriptionKey(body),
  diff: (stored, body) => (subscriptionKey(stored) === subscriptionKey(body) ? [] : [{ field: 'spec', from: stored, to: body }]),
  create: async (c, body) => {
    const { action_id: actionId, ...rest } = body;
    const raw = j(await orThrow(c.POST('/v1/actions/{id}/subscriptions', { ...byId(String(actionId)), body: rest as never })));
    return { id: String(raw.id), key: subscriptionKey(raw), raw };
  },
  update: async () => undefined,
  remove: async (c, stored) =>
    void (await orThrow(
      c.DELETE('/v1/actions/{id}/subscriptions/{subscriptionId}', {
        params: { path: { id: String(stored.raw.action_id), subscriptionId: stored.id } },
      }),
    )),
  exportSpec: (raw, names) => ({
    action: names.nameOf('Action', String(raw.action_id)) ?? raw.action_id,
    exchange: raw.exchange,
    ...(raw.binding_key ? { binding_key: raw.binding_key } : {}),
    ...(Object.keys((raw.headers ?? {}) as Json).length > 0 ? { headers: raw.headers, headers_match: raw.headers_match } : {}),
  }),
  exportName: (raw, names) => `${names.nameOf('Action', String(raw.action_id)) ?? String(raw.action_id)}.${String(raw.exchange)}`,
};

/** A stored schedule in the shape of a create body (what a file would say). */
function scheduleAsBody(raw: Json): Json {
  const rule = raw.rule as Json;
  const body = omit(raw, ['id', 'next_fire_at', 'last_fired_at', 'buffered_fire_at', 'last_error', 'version', 'created_at', 'updated_at']);
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

const schedule: KindHandler = {
  kind: 'Schedule',
  createPath: '/v1/schedules',
  references: [{ specField: 'target.action', bodyField: 'target.action_id', kind: 'Action' }],
  updatable: true,
  list: async (c) => named((await listAll((cursor) => orThrow(c.GET('/v1/schedules', { params: { query: { limit: PAGE, cursor } } })))).map(j)),
  keyOf: (name) => name,
  diff: (stored, body) => {
    const desired = scheduleDefaults(body);
    // backfill_limit only means something with missed_fire_policy backfill.
    if (desired.missed_fire_policy !== 'backfill') delete desired.backfill_limit;
    return changedFields(scheduleAsBody(stored), desired);
  },
  create: async (c, body) => {
    const raw = j(await orThrow(c.POST('/v1/schedules', { body: body as never })));
    return { id: String(raw.id), key: String(raw.name), raw };
  },
  update: async (c, stored, patch) => void (await orThrow(c.PATCH('/v1/schedules/{id}', { ...byId(stored.id), body: patch as never }))),
  remove: async (c, stored) => void (await orThrow(c.DELETE('/v1/schedules/{id}', byId(stored.id)))),
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

export const KIND_HANDLERS: Record<KindName, KindHandler> = {
  Exchange: exchange,
  Queue: queue,
  Binding: binding,
  Service: service,
  Deployment: deployment,
  Action: action,
  Subscription: subscription,
  Schedule: schedule,
};
