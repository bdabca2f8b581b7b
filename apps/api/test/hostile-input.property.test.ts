import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import request from 'supertest';
import { createLogger } from '@interflow/core';
import { answerUnparsableRequests } from '../src/http/unparsable-requests';
import { interflowOpenApiDocument } from '../src/openapi/interflow-document';
import { startGreeterConnector, type GreeterConnector } from './support/greeter-connector';
import { encodeAnything, hostileRequest, type HostileRequest, type OperationShape } from './support/hostile-requests';
import { sendRaw, type RawRequest } from './support/raw-http';
import { tableDigest } from './support/table-digest';
import { createTestApi, type TestApi } from './support/test-api';

/**
 * Hostile requests to every operation of the OpenAPI document: never a 5xx, a refusal
 * changes nothing in any table, every status answered is documented, and nothing is
 * logged at error level or with a stack. Seeded and bounded (HOSTILE_RUNS per operation).
 */
const SEED = 20261128;
const RUNS = Number(process.env.HOSTILE_RUNS ?? 10);
const LIMIT_BYTES = 32 * 1024;
const UNKNOWN_ID = '00000000-0000-4000-8000-00000000dead';

type Json = Record<string, unknown>;
interface Operation {
  method: string;
  path: string;
  spec: { parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: Json }> }; responses: Json };
}

const servedDocument = interflowOpenApiDocument();

/** Webhooks first (a later operation rotates the secret), deletions last (they remove the fixtures). */
function rank(operation: Operation): number {
  if (operation.path.startsWith('/v1/hooks/')) return 0;
  return operation.method === 'delete' ? 2 : 1;
}

const operations: Operation[] = Object.entries(servedDocument.paths as Record<string, Record<string, Operation['spec']>>)
  .flatMap(([path, item]) => Object.entries(item).map(([method, spec]) => ({ method, path, spec })))
  .filter((operation) => operation.path.startsWith('/v1/'))
  // An endless text/event-stream never finishes a request: the event stream is tested on its own (events.test.ts).
  .filter((operation) => !JSON.stringify(operation.spec).includes('text/event-stream'))
  .sort((a, b) => rank(a) - rank(b));

let api: TestApi;
let server: Server;
let port: number;
let connector: GreeterConnector;
const logLines: string[] = [];
let adminToken: string;
let before: Record<string, string>;
/** Real values of path parameters, by resource (the path's second segment) and name. */
const real: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => logLines.push(chunk.toString('utf8')));
  api = await createTestApi({ bodyLimit: `${LIMIT_BYTES}b`, logger: createLogger({ service: 'api-test', level: 'warn', stream }) });
  adminToken = api.adminToken;
  const admin = api.auth(adminToken);
  connector = await startGreeterConnector('a-signing-secret-of-at-least-32-characters');
  const post = async (path: string, body: Json, status = 201) => (await request(api.app).post(path).set(admin).send(body).expect(status)).body as Json;
  const service = await post('/v1/services', {
    name: 'fixture',
    base_url: connector.baseUrl,
    methods: [{ name: 'greet', path: '/methods/greet' }, { name: 'ping', path: '/ping' }],
  });
  const deployment = await post('/v1/deployments', { name: 'fixture', service_id: service.id, credentials: { api_key: 'k' } });
  const action = await post('/v1/actions', { name: 'fixture', deployment_id: deployment.id, method: 'ping' });
  await post('/v1/exchanges', { name: 'fixture.ex', type: 'topic' });
  await post('/v1/queues', { name: 'fixture.q' });
  const binding = await post('/v1/bindings', { exchange: 'fixture.ex', queue: 'fixture.q', binding_key: 'a.#' });
  await post('/v1/queues/fixture.q/publish', { payload: { n: 1 } });
  const schedule = await post('/v1/schedules', {
    name: 'fixture',
    rule: { type: 'interval', every_ms: 3_600_000 },
    target: { type: 'exchange', exchange: 'fixture.ex', routing_key: 'a.b', payload: {} },
  });
  const subscription = await post(`/v1/actions/${String(action.id)}/subscriptions`, { exchange: 'fixture.ex', binding_key: 'a.*' });
  await post(`/v1/actions/${String(action.id)}/states`, { items: [{ fid: 'f1', nonce: 'n1' }] }, 200);
  const run = await post(`/v1/actions/${String(action.id)}/runs`, { input: {} }, 202);
  const token = await post('/v1/tokens', { name: 'fixture viewer', role: 'viewer' });
  await request(api.app).put('/v1/apply-sets/fixture').set(admin).send({ objects: [] }).expect(200);
  Object.assign(real, {
    tokens: { id: token.id },
    exchanges: { name: 'fixture.ex' },
    queues: { name: 'fixture.q' },
    bindings: { id: binding.id },
    schedules: { id: schedule.id },
    services: { id: service.id },
    deployments: { id: deployment.id },
    actions: { id: action.id, subscriptionId: subscription.id },
    runs: { id: run.id },
    hooks: { secret: String(action.webhook_path).split('/').pop() },
    'apply-sets': { name: 'fixture' },
  });
  server = api.app.listen(0, '127.0.0.1');
  answerUnparsableRequests(server, api.deps.logger);
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
  before = await tableDigest(api);
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await connector?.close();
  await api?.close();
});

function shapeOf(operation: Operation): OperationShape {
  const parameters = operation.spec.parameters ?? [];
  return {
    method: operation.method,
    pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
    queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
    bodySchema: operation.spec.requestBody?.content['application/json']?.schema,
    resolve: (ref) => {
      const name = ref.replace('#/components/schemas/', '');
      return ((servedDocument.components as Json).schemas as Record<string, Json>)[name] ?? {};
    },
  };
}

function rawRequestOf(operation: Operation, hostile: HostileRequest): RawRequest {
  const resource = operation.path.split('/')[2] ?? '';
  const path = operation.path.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    return hostile.pathValues[name] ?? encodeAnything(real[resource]?.[name] ?? UNKNOWN_ID);
  });
  const headers: Record<string, string> = { ...hostile.headers };
  if (hostile.auth === 'admin') headers.authorization = `Bearer ${adminToken}`;
  if (hostile.auth === 'basic') headers.authorization = 'Basic dXNlcjpwYXNz';
  if (hostile.auth === 'garbage') headers.authorization = 'Bearer ifw_not-a-token';
  if (hostile.body?.contentType !== undefined) headers['content-type'] = hostile.body.contentType;
  if (hostile.body?.contentEncoding !== undefined) headers['content-encoding'] = hostile.body.contentEncoding;
  return {
    method: operation.method.toUpperCase(),
    path: hostile.query === '' ? path : `${path}?${hostile.query}`,
    headers,
    ...(hostile.body ? { body: hostile.body.bytes } : {}),
  };
}

function describeRequest(raw: RawRequest): string {
  const body = raw.body ? raw.body.subarray(0, 200).toString('utf8') : '(none)';
  return `${raw.method} ${raw.path.slice(0, 300)} ${JSON.stringify({ ...raw.headers, authorization: raw.headers.authorization?.slice(0, 12) })} body: ${body}`;
}

it('walks the document the api serves', async () => {
  const served = await request(api.app).get('/openapi.json').expect(200);
  expect(served.body).toEqual(JSON.parse(JSON.stringify(servedDocument)));
  expect(operations.length).toBeGreaterThan(50);
});

describe.each(operations.map((operation, index) => [`${operation.method.toUpperCase()} ${operation.path}`, operation, index] as const))(
  '%s',
  (_name, operation, index) => {
    it('never answers 5xx, changes nothing when it refuses, answers only documented statuses', async () => {
      const observed = new Set<number>();
      const documented = new Set(Object.keys(operation.spec.responses).map(Number));
      await fc.assert(
        fc.asyncProperty(hostileRequest(shapeOf(operation), { limitBytes: LIMIT_BYTES }), async (hostile) => {
          const raw = rawRequestOf(operation, hostile);
          const response = await sendRaw(port, raw);
          const after = await tableDigest(api);
          const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
          before = after;
          observed.add(response.status);
          const what = `${describeRequest(raw)} → ${response.status} ${String(JSON.stringify(response.body)).slice(0, 300)}`;
          if (response.status >= 500) throw new Error(`5xx: ${what}`);
          if (response.status >= 400) {
            if (changed.length > 0) throw new Error(`refused, yet changed ${changed.join(', ')}: ${what}`);
            const error = (response.body as { error?: Json } | undefined)?.error;
            if (!error || typeof error.code !== 'string' || typeof error.message !== 'string' || error.details === undefined) {
              throw new Error(`not the error shape: ${what}`);
            }
            if (response.status === 401 && !String(response.headers['www-authenticate']).startsWith('Bearer realm="interflow"')) {
              throw new Error(`401 without a Bearer challenge: ${what}`);
            }
          }
          if (!documented.has(response.status)) throw new Error(`undocumented status ${response.status}: ${what}`);
        }),
        { seed: SEED + index, numRuns: RUNS },
      );
      expect([...observed].filter((status) => status >= 400).length).toBeGreaterThan(0);
      if (process.env.HOSTILE_REPORT) process.stdout.write(`${operation.method} ${operation.path}: ${[...observed].sort().join(' ')}\n`);
    }, 600_000);
  },
);

it('logged nothing at error level, no stack, and the database refused nothing the edge let through', () => {
  const lines = logLines.map((line) => JSON.parse(line) as Json);
  expect(lines.filter((line) => line.level === 'error')).toEqual([]);
  expect(logLines.filter((line) => line.includes('stack'))).toEqual([]);
  expect(lines.filter((line) => line.code === 'invalid_value')).toEqual([]);
  expect(lines.filter((line) => line.level === 'warn').length).toBeGreaterThan(operations.length);
});
