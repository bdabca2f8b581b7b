import { orThrow, type InterflowClient, type Schemas } from '@interflow/client';
import { listAll, UUID } from './api';
import type { Column } from './output';
import { CommandFailed, UsageError } from './usage-error';

type Json = Record<string, unknown>;
const PAGE = 500;

/** One kind of object the api holds, as `get`, `describe` and `delete` see it. */
export interface ResourceKind {
  /** Plural first: the words that name it on the command line. */
  names: string[];
  singular: string;
  list(client: InterflowClient): Promise<Json[]>;
  /** By id, or by name where objects have one. */
  find(client: InterflowClient, ref: string): Promise<Json>;
  remove(client: InterflowClient, item: Json): Promise<void>;
  columns: Column<Json>[];
}

const col = (heading: string, read: (row: Json) => unknown): Column<Json> => ({ heading, value: read });
const age = col('CREATED', (row) => row.created_at);

/** Finds by id when `ref` is a uuid, else by the unique `name` in the list. */
async function byIdOrName(kind: string, ref: string, getById: (id: string) => Promise<Json>, list: () => Promise<Json[]>): Promise<Json> {
  if (UUID.test(ref)) return getById(ref);
  const matches = (await list()).filter((item) => item.name === ref);
  if (matches.length === 0) throw new CommandFailed(`no ${kind} named '${ref}'`);
  if (matches.length > 1) throw new CommandFailed(`${matches.length} ${kind}s are named '${ref}': use the id`);
  return matches[0] as Json;
}

const asJson = <T>(value: T): Json => value as unknown as Json;
const p = (id: string) => ({ params: { path: { id } } });
/** By id, with If-Match the ETag just read: a change made in between is refused (412), not deleted over. */
const unchanged = (item: Json) => ({ params: { path: { id: String(item.id) }, header: { 'If-Match': String(item.etag) } } });

const services: ResourceKind = {
  names: ['services', 'service', 'svc'],
  singular: 'service',
  list: async (c) => (await listAll((cursor) => orThrow(c.GET('/v1/services', { params: { query: { limit: PAGE, cursor } } })))).map(asJson),
  find: (c, ref) => byIdOrName('service', ref, async (id) => asJson(await orThrow(c.GET('/v1/services/{id}', p(id)))), () => services.list(c)),
  remove: async (c, item) => void (await orThrow(c.DELETE('/v1/services/{id}', unchanged(item)))),
  columns: [col('NAME', (r) => r.name), col('BASE URL', (r) => r.base_url), col('METHODS', (r) => (r.methods as unknown[]).length), col('ID', (r) => r.id), age],
};

const deployments: ResourceKind = {
  names: ['deployments', 'deployment', 'deploy'],
  singular: 'deployment',
  list: async (c) => (await listAll((cursor) => orThrow(c.GET('/v1/deployments', { params: { query: { limit: PAGE, cursor } } })))).map(asJson),
  find: (c, ref) => byIdOrName('deployment', ref, async (id) => asJson(await orThrow(c.GET('/v1/deployments/{id}', p(id)))), () => deployments.list(c)),
  remove: async (c, item) => void (await orThrow(c.DELETE('/v1/deployments/{id}', unchanged(item)))),
  columns: [
    col('NAME', (r) => r.name),
    col('SERVICE', (r) => r.service_id),
    col('CREDENTIALS', (r) => Object.keys(r.credentials as Json).join(',') || '-'),
    col('ID', (r) => r.id),
    age,
  ],
};

const actions: ResourceKind = {
  names: ['actions', 'action'],
  singular: 'action',
  list: async (c) => (await listAll((cursor) => orThrow(c.GET('/v1/actions', { params: { query: { limit: PAGE, cursor } } })))).map(asJson),
  find: (c, ref) => byIdOrName('action', ref, async (id) => asJson(await orThrow(c.GET('/v1/actions/{id}', p(id)))), () => actions.list(c)),
  remove: async (c, item) => void (await orThrow(c.DELETE('/v1/actions/{id}', unchanged(item)))),
  columns: [col('NAME', (r) => r.name), col('METHOD', (r) => r.method), col('DEPLOYMENT', (r) => r.deployment_id), col('QUEUE', (r) => r.queue), col('ID', (r) => r.id)],
};

const schedules: ResourceKind = {
  names: ['schedules', 'schedule', 'sched'],
  singular: 'schedule',
  list: async (c) => (await listAll((cursor) => orThrow(c.GET('/v1/schedules', { params: { query: { limit: PAGE, cursor } } })))).map(asJson),
  find: (c, ref) => byIdOrName('schedule', ref, async (id) => asJson(await orThrow(c.GET('/v1/schedules/{id}', p(id)))), () => schedules.list(c)),
  remove: async (c, item) => void (await orThrow(c.DELETE('/v1/schedules/{id}', unchanged(item)))),
  columns: [
    col('NAME', (r) => r.name),
    col('ENABLED', (r) => r.enabled),
    col('RULE', (r) => describeRule(r.rule as Schemas['JsonValue'])),
    col('NEXT FIRE', (r) => r.next_fire_at),
    col('LAST ERROR', (r) => r.last_error),
    col('ID', (r) => r.id),
  ],
};

function describeRule(rule: unknown): string {
  const r = rule as { type: string; expression?: string; timezone?: string; every_ms?: number; at?: string };
  if (r.type === 'cron') return `cron ${r.expression} ${r.timezone}`;
  if (r.type === 'interval') return `every ${r.every_ms}ms`;
  return `once ${r.at}`;
}

const queues: ResourceKind = {
  names: ['queues', 'queue', 'q'],
  singular: 'queue',
  list: async (c) => (await listAll((cursor) => orThrow(c.GET('/v1/queues', { params: { query: { limit: PAGE, cursor } } })))).map(asJson),
  find: async (c, ref) => asJson(await orThrow(c.GET('/v1/queues/{name}', { params: { path: { name: ref } } }))),
  remove: async (c, item) => void (await orThrow(c.DELETE('/v1/queues/{name}', { params: { path: { name: String(item.name) }, query: {} } }))),
  columns: [
    col('NAME', (r) => r.name),
    col('MAX ATTEMPTS', (r) => (r.policy as Json).max_attempts),
    col('DEAD LETTERS TO', (r) => (r.policy as Json).dead_letter_queue),
    age,
  ],
};

const exchanges: ResourceKind = {
  names: ['exchanges', 'exchange', 'ex'],
  singular: 'exchange',
  list: async (c) => (await listAll((cursor) => orThrow(c.GET('/v1/exchanges', { params: { query: { limit: PAGE, cursor } } })))).map(asJson),
  find: async (c, ref) => asJson(await orThrow(c.GET('/v1/exchanges/{name}', { params: { path: { name: ref } } }))),
  remove: async (c, item) => void (await orThrow(c.DELETE('/v1/exchanges/{name}', { params: { path: { name: String(item.name) } } }))),
  columns: [col('NAME', (r) => r.name), col('TYPE', (r) => r.type), col('ALTERNATE', (r) => r.alternate_exchange), age],
};

const bindings: ResourceKind = {
  names: ['bindings', 'binding'],
  singular: 'binding',
  list: async (c) => (await listAll((cursor) => orThrow(c.GET('/v1/bindings', { params: { query: { limit: PAGE, cursor } } })))).map(asJson),
  find: async (c, ref) => asJson(await orThrow(c.GET('/v1/bindings/{id}', p(ref)))),
  remove: async (c, item) => void (await orThrow(c.DELETE('/v1/bindings/{id}', p(String(item.id))))),
  columns: [
    col('EXCHANGE', (r) => r.exchange),
    col('QUEUE', (r) => r.queue),
    col('BINDING KEY', (r) => r.binding_key),
    col('HEADERS', (r) => (Object.keys(r.headers as Json).length ? r.headers : null)),
    col('ID', (r) => r.id),
  ],
};

const tokens: ResourceKind = {
  names: ['tokens', 'token'],
  singular: 'token',
  list: async (c) => (await listAll((cursor) => orThrow(c.GET('/v1/tokens', { params: { query: { limit: PAGE, cursor } } })))).map(asJson),
  find: (c, ref) => byIdOrName('token', ref, async (id) => asJson(await orThrow(c.GET('/v1/tokens/{id}', p(id)))), () => tokens.list(c)),
  remove: async (c, item) => void (await orThrow(c.DELETE('/v1/tokens/{id}', p(String(item.id))))),
  columns: [col('NAME', (r) => r.name), col('ROLE', (r) => r.role), col('REVOKED', (r) => r.revoked_at), col('ID', (r) => r.id), age],
};

const runs: ResourceKind = {
  names: ['runs', 'run'],
  singular: 'run',
  // Newest first; `get runs` shows the latest page rather than the whole history.
  list: async (c) => (await orThrow(c.GET('/v1/runs', { params: { query: { limit: 50 } } }))).items.map(asJson),
  find: async (c, ref) => asJson(await orThrow(c.GET('/v1/runs/{id}', p(ref)))),
  remove: async () => {
    throw new UsageError('runs are kept as history: delete the action to delete its runs');
  },
  columns: [
    col('ID', (r) => r.id),
    col('ACTION', (r) => r.action_id),
    col('STATUS', (r) => r.status),
    col('TRIGGER', (r) => r.trigger),
    col('ATTEMPTS', (r) => r.attempt_count),
    col('DURATION MS', (r) => r.duration_ms),
    age,
  ],
};

const recipients: ResourceKind = {
  names: ['recipients', 'recipient'],
  singular: 'recipient',
  list: async (c) => (await listAll((cursor) => orThrow(c.GET('/v1/recipients', { params: { query: { limit: PAGE, cursor } } })))).map(asJson),
  find: (c, ref) => byIdOrName('recipient', ref, async (id) => asJson(await orThrow(c.GET('/v1/recipients/{id}', p(id)))), () => recipients.list(c)),
  remove: async (c, item) => void (await orThrow(c.DELETE('/v1/recipients/{id}', p(String(item.id))))),
  columns: [col('NAME', (r) => r.name), col('E-MAIL', (r) => r.email), col('WEBHOOK', (r) => r.webhook_url), col('GROUPS', (r) => (r.group_ids as unknown[]).length), col('ID', (r) => r.id)],
};

const groups: ResourceKind = {
  names: ['groups', 'group'],
  singular: 'group',
  list: async (c) => (await listAll((cursor) => orThrow(c.GET('/v1/groups', { params: { query: { limit: PAGE, cursor } } })))).map(asJson),
  find: (c, ref) => byIdOrName('group', ref, async (id) => asJson(await orThrow(c.GET('/v1/groups/{id}', p(id)))), () => groups.list(c)),
  remove: async (c, item) => void (await orThrow(c.DELETE('/v1/groups/{id}', p(String(item.id))))),
  columns: [col('NAME', (r) => r.name), col('MEMBERS', (r) => r.member_count), col('ID', (r) => r.id), age],
};

const notifications: ResourceKind = {
  names: ['notifications', 'notification'],
  singular: 'notification',
  // Newest first; `get notifications` shows the latest page.
  list: async (c) => (await orThrow(c.GET('/v1/notifications', { params: { query: { limit: 50 } } }))).items.map(asJson),
  find: async (c, ref) => asJson(await orThrow(c.GET('/v1/notifications/{id}', p(ref)))),
  remove: async () => {
    throw new UsageError('notifications are kept as history');
  },
  columns: [
    col('TITLE', (r) => r.title),
    col('SEVERITY', (r) => r.severity),
    col('DELIVERIES', (r) => (r.deliveries as Json).total),
    col('CONFIRMED', (r) => (r.deliveries as Json).confirmed),
    col('ID', (r) => r.id),
    age,
  ],
};

export const RESOURCE_KINDS: ResourceKind[] = [
  services,
  deployments,
  actions,
  schedules,
  queues,
  exchanges,
  bindings,
  tokens,
  runs,
  recipients,
  groups,
  notifications,
];

export function resourceKind(word: string): ResourceKind {
  const kind = RESOURCE_KINDS.find((candidate) => candidate.names.includes(word.toLowerCase()));
  if (!kind) throw new UsageError(`unknown resource '${word}': expected one of ${RESOURCE_KINDS.map((k) => k.names[0]).join(', ')}`);
  return kind;
}
