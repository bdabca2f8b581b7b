import request from 'supertest';
import { DEFAULT_ACTION_QUEUE, deadLetterQueueOf } from '@interflow/broker';
import { type Sql } from '@interflow/core';
import { createAction, createActionChain, createDeployment, createService, uniqueName } from './support/fixtures';
import { createTestApi, type TestApi } from './support/test-api';
import { fanOutQueued } from './support/notification-fan-out';

/**
 * Issue 9 item 1: a token scoped to deployment A, walked through EVERY operation of the
 * served OpenAPI document against deployment B's objects and against system queues. Each
 * answers 403 or 404 and changes nothing, or is a read listed in SHARED_READS whose
 * answer names none of B's objects.
 */
type Operation = { method: string; path: string; hasBody: boolean };
type Document = { paths: Record<string, Record<string, { requestBody?: unknown }>> };

/** Operations outside the sweep, and why. */
const NOT_SWEPT: Record<string, string> = {
  'post /v1/hooks/{secret}': 'no token: the secret in the path is the authority (tested in triggering)',
  'get /v1/events': "an endless stream: a scoped token's view of it is tested in events.test.ts",
  'get /v1/inbox/stream': "an endless stream: a recipient token's view of it is tested in inbox-stream.test.ts",
};

/** Reads a scoped token may make: lists filtered to its scope, the installation's service catalog, pure computation. */
const SHARED_READS = new Set([
  'get /v1/actions',
  'get /v1/deployments',
  'get /v1/runs',
  'get /v1/schedules',
  'get /v1/services',
  'get /v1/services/{id}',
  'post /v1/schedules/preview',
  'get /v1/whoami',
  'get /v1/overview',
]);

let api: TestApi;
interface WorldOfB {
  service: string;
  deployment: string;
  action: string;
  run: string;
  schedule: string;
  subscription: string;
  subscriptionBinding: string;
  token: string;
  exchange: string;
  queue: string;
  userBinding: string;
  deploymentA: string;
  actionA: string;
  applySet: string;
  recipient: string;
  group: string;
  notification: string;
  delivery: string;
}
let b: WorldOfB;
let bodies: Record<string, unknown>;
const SYSTEM_QUEUES = [DEFAULT_ACTION_QUEUE, deadLetterQueueOf(DEFAULT_ACTION_QUEUE)];

beforeAll(async () => {
  api = await createTestApi();
  const admin = api.auth(api.adminToken);
  const chainB = await createActionChain(api);
  const serviceA = await createService(api);
  const deploymentA = await createDeployment(api, serviceA.id);
  const actionA = await createAction(api, deploymentA.id);
  // B's action polls a collection: its item events are B's data too.
  await request(api.app).patch(`/v1/actions/${chainB.action.id}`).set(admin).send({ poller: { items: 'things', id: 'id', snapshot: true } }).expect(200);
  const exchange = uniqueName('events');
  const queue = uniqueName('orders');
  await request(api.app).post('/v1/exchanges').set(admin).send({ name: exchange, type: 'fanout' }).expect(201);
  await request(api.app).post('/v1/queues').set(admin).send({ name: queue }).expect(201);
  const userBinding = await request(api.app).post('/v1/bindings').set(admin).send({ exchange, queue }).expect(201);
  const run = await request(api.app).post(`/v1/actions/${chainB.action.id}/runs`).set(admin).send({ input: { name: 'Bea' } }).expect(202);
  const schedule = await request(api.app)
    .post('/v1/schedules')
    .set(admin)
    .send({ name: uniqueName('s'), rule: { type: 'interval', every_ms: 3_600_000 }, target: { type: 'action', action_id: chainB.action.id, input: { name: 'Bea' } } })
    .expect(201);
  const subscription = await request(api.app).post(`/v1/actions/${chainB.action.id}/subscriptions`).set(admin).send({ exchange }).expect(201);
  await request(api.app).post(`/v1/actions/${chainB.action.id}/states`).set(admin).send({ items: [{ fid: 'b-item' }] }).expect(200);
  const tokens = await request(api.app).get('/v1/tokens').set(admin).expect(200);
  const applySet = uniqueName('set');
  await request(api.app)
    .put(`/v1/apply-sets/${applySet}`)
    .set(admin)
    .set('If-None-Match', '*')
    .send({ objects: [{ kind: 'deployment', name: chainB.deployment.name, id: chainB.deployment.id }] })
    .expect(200);
  const recipient = await request(api.app).post('/v1/recipients').set(admin).send({ name: uniqueName('bea'), email: 'bea@example.com' }).expect(201);
  const group = await request(api.app).post('/v1/groups').set(admin).send({ name: uniqueName('team-b') }).expect(201);
  await request(api.app).post(`/v1/groups/${group.body.id}/members`).set(admin).send({ recipient_ids: [recipient.body.id] }).expect(200);
  const notification = await request(api.app)
    .post('/v1/notifications')
    .set(admin)
    .send({ title: 'for Bea', to: { recipients: [recipient.body.id] }, requires_confirmation: true })
    .expect(202);
  await fanOutQueued(api);
  const deliveries = await request(api.app).get(`/v1/notifications/${notification.body.id}/deliveries`).set(admin).expect(200);
  b = {
    recipient: recipient.body.id,
    group: group.body.id,
    notification: notification.body.id,
    delivery: deliveries.body.items[0].id,
    service: chainB.service.id,
    deployment: chainB.deployment.id,
    action: chainB.action.id,
    run: run.body.id,
    schedule: schedule.body.id,
    subscription: subscription.body.id,
    subscriptionBinding: subscription.body.binding_id,
    token: tokens.body.items[0].id,
    exchange,
    queue,
    userBinding: userBinding.body.id,
    deploymentA: deploymentA.id,
    actionA: actionA.id,
    applySet,
  };
  bodies = {
    'post /v1/actions': { name: uniqueName('act'), deployment_id: b.deployment, method: 'greet' },
    'patch /v1/actions/{id}': { description: 'taken over' },
    'post /v1/actions/{id}/runs': { input: { name: 'Mallory' } },
    'post /v1/actions/{id}/states': { items: [{ fid: 'forged' }] },
    'post /v1/actions/{id}/subscriptions': { exchange },
    'post /v1/schedules': {
      name: uniqueName('s'),
      rule: { type: 'interval', every_ms: 60_000 },
      target: { type: 'action', action_id: b.action, input: { name: 'Mallory' } },
    },
    'patch /v1/schedules/{id}': { enabled: false },
    'post /v1/schedules/preview': { rule: { type: 'interval', every_ms: 60_000 } },
    'post /v1/deployments': { name: uniqueName('dep'), service_id: b.service },
    'patch /v1/deployments/{id}': { name: uniqueName('renamed') },
    'post /v1/services': { name: uniqueName('svc'), base_url: 'http://127.0.0.1:9', methods: [{ name: 'm', path: '/m' }] },
    'patch /v1/services/{id}': { base_url: 'http://127.0.0.1:10' },
    'post /v1/services/{id}/methods/import': { format: 'openapi', document: {} },
    'post /v1/services/{id}/signing-secret': {},
    'post /v1/tokens': { name: 'escalated', role: 'admin' },
    'post /v1/queues': { name: uniqueName('q') },
    'post /v1/queues/{name}/publish': { payload: { action_id: b.action, input: {} } },
    'post /v1/queues/{name}/redrive': {},
    'post /v1/queues/{name}/purge': {},
    'post /v1/exchanges': { name: uniqueName('ex'), type: 'direct' },
    'post /v1/exchanges/{name}/publish': { payload: { action_id: b.action }, routing_key: '' },
    'post /v1/bindings': { exchange, queue: DEFAULT_ACTION_QUEUE },
    'put /v1/apply-sets/{name}': { objects: [] },
    'post /v1/recipients': { name: uniqueName('mallory'), email: 'mallory@example.com' },
    'patch /v1/recipients/{id}': { email: 'mallory@example.com' },
    'post /v1/groups': { name: uniqueName('mallories') },
    'patch /v1/groups/{id}': { name: uniqueName('taken-over') },
    'post /v1/groups/{id}/members': { recipient_ids: [b.recipient] },
    'post /v1/notifications': { title: 'phishing', to: { recipients: [b.recipient] } },
    'post /v1/inbox/{id}/confirm': { comment: 'confirmed by someone else' },
  };
});

afterAll(async () => {
  await api?.close();
});

/** The concrete paths of an operation: B's objects, and each system queue (plus a user one) for queue routes. */
function concretePaths(path: string): string[] {
  if (path.startsWith('/v1/queues/{name}')) return [...SYSTEM_QUEUES, b.queue].map((name) => path.replace('{name}', name));
  const ids: Record<string, string> = {
    '/v1/actions/{id}': b.action,
    '/v1/runs/{id}': b.run,
    '/v1/schedules/{id}': b.schedule,
    '/v1/deployments/{id}': b.deployment,
    '/v1/services/{id}': b.service,
    '/v1/tokens/{id}': b.token,
    '/v1/exchanges/{name}': b.exchange,
    '/v1/apply-sets/{name}': b.applySet,
    '/v1/recipients/{id}': b.recipient,
    '/v1/groups/{id}': b.group,
    '/v1/notifications/{id}': b.notification,
    '/v1/inbox/{id}': b.delivery,
  };
  const prefix = Object.keys(ids).find((candidate) => path.startsWith(candidate));
  if (path.startsWith('/v1/bindings/{id}')) return [b.subscriptionBinding, b.userBinding].map((id) => path.replace('{id}', id));
  let concrete = prefix ? path.replace(prefix, prefix.replace(/\{(id|name)\}/, ids[prefix] ?? '{unknown}')) : path;
  concrete = concrete.replace('{subscriptionId}', b.subscription).replace('{recipientId}', b.recipient);
  if (/\{[^}]+\}/.test(concrete)) throw new Error(`no value for a parameter of ${path}: add it to the sweep`);
  return [concrete];
}

/** A digest of every table, so "nothing changed" is checked for the whole database. */
async function snapshot(sql: Sql, schema: string): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }[]>`
    select table_name as name from information_schema.tables where table_schema = ${schema} and table_type = 'BASE TABLE' order by 1`;
  const digest: Record<string, string> = {};
  for (const { name } of tables) {
    // heartbeats of the api's own reply consumer; publish-rate counters flushed in the background
    if (name === 'mq_consumers' || name === 'mq_rate_buckets') continue;
    const [row] =
      name === 'api_tokens'
        ? await sql<{ md5: string }[]>`select md5(coalesce(string_agg((id, name, role, deployment_scopes, revoked_at)::text, '|' order by id), '')) as md5 from api_tokens`
        : await sql<{ md5: string }[]>`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as md5 from ${sql(name)} t`;
    digest[name] = row?.md5 ?? '';
  }
  return digest;
}

function send(method: string, path: string, auth: { Authorization: string }, body: unknown): request.Test {
  const agent = request(api.app);
  const call = { get: agent.get, post: agent.post, put: agent.put, patch: agent.patch, delete: agent.delete }[method];
  if (!call) throw new Error(`no request helper for ${method}`);
  const test = call.call(agent, path).set(auth).set('If-Match', '*');
  return body === undefined ? test : test.send(body as object);
}

/** The documented /v1 operations, minus those the sweep leaves out. */
async function documentedOperations(): Promise<Operation[]> {
  const document = (await request(api.app).get('/openapi.json').expect(200)).body as Document;
  return Object.entries(document.paths)
    .filter(([path]) => path.startsWith('/v1/'))
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, spec]) => ({ method, path, hasBody: spec.requestBody !== undefined })))
    .filter((operation) => !NOT_SWEPT[`${operation.method} ${operation.path}`]);
}

/**
 * Sends every operation against B's objects with `auth`; answers what went wrong: a
 * change to any table, a shared read that is not 200 or names one of B's objects, any
 * other answer than 403 or 404.
 */
async function sweep(auth: { Authorization: string }, sharedReads: Set<string>): Promise<{ problems: string[]; swept: number; operations: number }> {
  const operations = await documentedOperations();
  expect(operations.length).toBeGreaterThan(40);
  const withoutBody = operations.filter((o) => o.hasBody && !(`${o.method} ${o.path}` in bodies)).map((o) => `${o.method} ${o.path}`);
  expect(withoutBody).toEqual([]);
  const bIds = [b.deployment, b.action, b.run, b.schedule, b.subscription, b.token, b.recipient, b.group, b.notification, b.delivery];
  const problems: string[] = [];
  let swept = 0;
  for (const operation of operations) {
    const key = `${operation.method} ${operation.path}`;
    for (const path of concretePaths(operation.path)) {
      const before = await snapshot(api.db.sql, api.db.schema);
      const answer = await send(operation.method, path, auth, operation.hasBody ? bodies[key] : undefined);
      const after = await snapshot(api.db.sql, api.db.schema);
      swept += 1;
      const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (changed.length > 0) problems.push(`${operation.method} ${path} changed ${changed.join(', ')} (answered ${answer.status})`);
      if (sharedReads.has(key)) {
        const leaked = bIds.filter((id) => answer.text.includes(id));
        if (answer.status !== 200 || leaked.length > 0) problems.push(`${operation.method} ${path} → ${answer.status}, shows ${leaked.join(', ')}`);
      } else if (answer.status !== 403 && answer.status !== 404) {
        problems.push(`${operation.method} ${path} → ${answer.status} ${answer.text.slice(0, 200)}`);
      }
    }
  }
  return { problems, swept, operations: operations.length };
}

describe('a token scoped to deployment A, through every documented operation', () => {
  it.each(['admin', 'operator'] as const)('as %s: reaches none of B and no system queue, and changes nothing', async (role) => {
    const scoped = api.auth(await api.mintToken(role, { deploymentScopes: [b.deploymentA] }));
    await request(api.app).get('/v1/actions').set(scoped).expect(200); // first use stamps last_used_at
    const { problems, swept, operations } = await sweep(scoped, SHARED_READS);
    expect(problems).toEqual([]);
    expect(swept).toBeGreaterThan(operations);
  });
});

describe("a token bound to another recipient, through every documented operation", () => {
  it("reaches only its own inbox: nothing of B's recipient, no other resource, and changes nothing", async () => {
    const admin = api.auth(api.adminToken);
    const other = await request(api.app).post('/v1/recipients').set(admin).send({ name: uniqueName('ann') }).expect(201);
    const inbox = api.auth(await api.mintToken('viewer', { recipientId: other.body.id }));
    await request(api.app).get('/v1/inbox').set(inbox).expect(200); // first use stamps last_used_at
    const { problems, swept, operations } = await sweep(inbox, new Set(['get /v1/inbox', 'get /v1/whoami']));
    expect(problems).toEqual([]);
    expect(swept).toBeGreaterThan(operations);
  });

  it.each(['admin', 'operator'] as const)("as %s: cannot subscribe its own action to B's poller", async (role) => {
    const scoped = api.auth(await api.mintToken(role, { deploymentScopes: [b.deploymentA] }));
    const before = await snapshot(api.db.sql, api.db.schema);
    const answer = await request(api.app)
      .post(`/v1/actions/${b.actionA}/subscriptions`)
      .set(scoped)
      .send({ source: { type: 'items', action_id: b.action } });
    expect(answer.status).toBe(404);
    const after = await snapshot(api.db.sql, api.db.schema);
    expect(Object.keys(after).filter((table) => after[table] !== before[table])).toEqual([]);
  });
});
