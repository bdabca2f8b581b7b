import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildConnectorCall } from '@interflow/connector-sdk';
import { outboundFetch, parseAllowList } from '@interflow/outbound';
import { createHttpConnector } from '../src/connector';
import { json, startFakeApi, streamHuge, type FakeApi } from './support/fake-api';

const SECRET = 'http-connector-test-secret';
const CAP = 1024 * 1024;

/**
 * The HTTP connector over real HTTP: a signed call in, real requests to a fake API out
 * (on loopback, which these connectors are explicitly allowed to reach).
 */
describe('the HTTP connector', () => {
  let api: FakeApi;
  const servers: Server[] = [];
  const fetches: { close(): Promise<void> }[] = [];
  let connectorUrl: string;
  let closedConnectorUrl: string;
  let calls = 0;

  async function startConnector(allow: string): Promise<string> {
    const fetch = outboundFetch(parseAllowList(allow));
    fetches.push(fetch);
    const app = createHttpConnector({ signingSecret: SECRET, fetch, maxResponseBytes: CAP });
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  beforeAll(async () => {
    api = await startFakeApi();
    connectorUrl = await startConnector('127.0.0.1');
    closedConnectorUrl = await startConnector('169.254.0.0/16');
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    await Promise.all(fetches.map((f) => f.close()));
    await api.close();
  });

  async function call(connection: Record<string, unknown>, credentials: Record<string, unknown>, input: Record<string, unknown>, baseUrl = connectorUrl) {
    const request = buildConnectorCall({
      baseUrl,
      verb: 'POST',
      path: '/call',
      signingSecret: SECRET,
      envelope: { deployment: { id: 'dep-1', name: 'api', connection, credentials }, input, run: { id: `run-${++calls}`, action_id: 'a' }, attempt: 1 },
    });
    const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { message: string; details?: unknown } }, headers: response.headers };
  }

  const listOrders = { path: '/orders', query: { status: '{status}', limit: 2 }, pick: 'data[].id' };

  describe('authentication', () => {
    beforeAll(() => {
      api.route('GET', '/orders', (req, res) => {
        const ok =
          req.headers.authorization === 'Bearer tok-1' ||
          req.headers.authorization === `Basic ${Buffer.from('ada:pw').toString('base64')}` ||
          req.headers['x-api-key'] === 'key-1' ||
          req.query.get('api_key') === 'key-2';
        if (!ok) return json(res, 401, { error: 'unauthorised' });
        json(res, 200, { data: [{ id: 'o1', status: req.query.get('status') }, { id: 'o2' }], limit: req.query.get('limit') });
      });
    });

    it.each([
      ['bearer', { kind: 'bearer' }, { token: 'tok-1' }],
      ['basic', { kind: 'basic' }, { username: 'ada', password: 'pw' }],
      ['api key in a header', { kind: 'api_key', in: 'header', name: 'X-Api-Key' }, { api_key: 'key-1' }],
      ['api key in the query', { kind: 'api_key', in: 'query', name: 'api_key' }, { api_key: 'key-2' }],
    ])('%s', async (_name, auth, credentials) => {
      const result = await call({ base_url: api.url, auth, operations: { list: listOrders } }, credentials, { operation: 'list', status: 'open' });
      expect(result).toMatchObject({ status: 200, body: ['o1', 'o2'] });
      const seen = api.requests[api.requests.length - 1];
      expect(seen?.query.get('status')).toBe('open');
      expect(seen?.query.get('limit')).toBe('2');
    });

    it('answers 422 when the API refuses the credentials, without echoing them', async () => {
      const result = await call({ base_url: api.url, auth: { kind: 'bearer' }, operations: { list: listOrders } }, { token: 'wrong-token' }, { operation: 'list' });
      expect(result.status).toBe(422);
      expect(result.body.error?.message).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/orders answered 401/);
      expect(JSON.stringify(result.body)).not.toContain('wrong-token');
    });

    it('names missing credentials, an unknown operation and a missing path parameter', async () => {
      const connection = { base_url: api.url, auth: { kind: 'basic' }, operations: { one: { path: '/orders/{id}' } } };
      const missing = await call(connection, { username: 'ada' }, { operation: 'one', id: 1 });
      expect(missing.status).toBe(422);
      expect(missing.body.error?.details).toEqual([{ field: 'deployment.credentials.password', message: 'required' }]);
      const unknown = await call(connection, { username: 'ada', password: 'pw' }, { operation: 'two' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error?.details).toEqual([{ field: 'input.operation', message: 'expected one of: one' }]);
      const noId = await call(connection, { username: 'ada', password: 'pw' }, { operation: 'one' });
      expect(noId.status).toBe(400);
      expect(noId.body.error?.details).toEqual([{ field: 'input.id', message: 'required' }]);
      const badConfig = await call({ base_url: 'ftp://x', operations: { one: { path: 'no-slash', pick: '[[' } } }, {}, { operation: 'one' });
      expect(badConfig.status).toBe(422);
      const fields = (badConfig.body.error?.details as { field: string }[]).map((d) => d.field).sort();
      expect(fields).toEqual(['deployment.connection.base_url', 'deployment.connection.operations.one.path', 'deployment.connection.operations.one.pick']);
    });
  });

  describe('OAuth2 client credentials', () => {
    let issued = 0;
    let lifetime = 3600;
    const revoked = new Set<string>();

    beforeAll(() => {
      api.route('POST', '/oauth/token', (req, res) => {
        const form = new URLSearchParams(req.body);
        const client = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
        if (form.get('grant_type') !== 'client_credentials' || client !== 'client-1:s3cret') return json(res, 401, { error: 'invalid_client' });
        issued++;
        json(res, 200, { access_token: `at-${issued}`, token_type: 'Bearer', expires_in: lifetime });
      });
      api.route('GET', '/items', (req, res) => {
        const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
        if (!token.startsWith('at-') || revoked.has(token)) return json(res, 401, { error: 'invalid_token' });
        const page = Number(req.query.get('page') ?? '1');
        // The token expires on the API's side after the first page of a run.
        if (page === 1) revoked.add(token);
        json(res, 200, { items: [`p${page}`], next: page < 3 ? `/items?page=${page + 1}` : null });
      });
      api.route('GET', '/me', (req, res) => {
        const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
        if (!token.startsWith('at-') || revoked.has(token)) return json(res, 401, { error: 'invalid_token' });
        json(res, 200, { token_used: token });
      });
    });

    const connection = (operations: Record<string, unknown>) => ({
      base_url: api.url,
      auth: { kind: 'oauth2_client_credentials', token_url: `${api.url}/oauth/token`, scope: 'read' },
      operations,
    });
    const credentials = { client_id: 'client-1', client_secret: 's3cret' };

    it('fetches a token once and reuses it until it expires', async () => {
      const first = await call(connection({ me: { path: '/me' } }), credentials, { operation: 'me' });
      const second = await call(connection({ me: { path: '/me' } }), credentials, { operation: 'me' });
      expect(first.body).toEqual({ token_used: 'at-1' });
      expect(second.body).toEqual({ token_used: 'at-1' });
      expect(issued).toBe(1);
      expect(api.requests.filter((r) => r.path === '/oauth/token').map((r) => new URLSearchParams(r.body).get('scope'))).toEqual(['read']);
    });

    it('a token that expires mid-run is refreshed once, and the run goes on', async () => {
      const operations = { all: { path: '/items', pick: 'items', pagination: { kind: 'next_url', next_url_path: 'next', max_pages: 5 } } };
      const before = issued;
      const result = await call(connection(operations), credentials, { operation: 'all' });
      expect(result).toMatchObject({ status: 200, body: { items: ['p1', 'p2', 'p3'], pages: 3, more: false } });
      expect(issued).toBe(before + 1);
    });

    it('a token past its expires_in is not reused', async () => {
      lifetime = 1; // inside the expiry margin: stale at once
      for (let n = 1; n <= issued; n++) revoked.add(`at-${n}`);
      const before = issued;
      const a = await call(connection({ me: { path: '/me' } }), { ...credentials }, { operation: 'me' });
      const b = await call(connection({ me: { path: '/me' } }), { ...credentials }, { operation: 'me' });
      expect(issued).toBe(before + 2);
      expect(a.body.token_used).not.toBe(b.body.token_used);
      lifetime = 3600;
    });

    it('refuses wrong client credentials permanently', async () => {
      const result = await call(connection({ me: { path: '/me' } }), { client_id: 'client-1', client_secret: 'nope' }, { operation: 'me' });
      expect(result.status).toBe(422);
      expect(result.body.error?.message).toMatch(/token endpoint refused the client credentials \(401\)/);
    });
  });

  describe('pagination', () => {
    beforeAll(() => {
      api.route('GET', '/linked', (req, res) => {
        const page = Number(req.query.get('page') ?? '1');
        const link = page < 3 ? `<${api.url}/linked?page=${page + 1}>; rel="next", <${api.url}/linked?page=3>; rel="last"` : `<${api.url}/linked?page=1>; rel="first"`;
        json(res, 200, [{ n: page * 10 + 1 }, { n: page * 10 + 2 }], { link });
      });
      api.route('GET', '/cursored', (req, res) => {
        const cursor = req.query.get('after');
        const page = cursor === null ? 1 : Number(cursor.replace('c', ''));
        json(res, 200, { results: [page], meta: { next_cursor: page < 3 ? `c${page + 1}` : null } });
      });
    });

    it('follows the Link header through 3 pages', async () => {
      const operations = { all: { path: '/linked', pick: '[].n', pagination: { kind: 'link_header' } } };
      const result = await call({ base_url: api.url, operations }, {}, { operation: 'all' });
      expect(result.body).toEqual({ items: [11, 12, 21, 22, 31, 32], pages: 3, more: false });
    });

    it('follows a cursor field through 3 pages, keeping the query', async () => {
      const operations = {
        all: { path: '/cursored', query: { kind: 'x' }, pick: 'results', pagination: { kind: 'cursor', cursor_path: 'meta.next_cursor', cursor_param: 'after' } },
      };
      const result = await call({ base_url: api.url, operations }, {}, { operation: 'all' });
      expect(result.body).toEqual({ items: [1, 2, 3], pages: 3, more: false });
      expect(api.requests.filter((r) => r.path === '/cursored').every((r) => r.query.get('kind') === 'x')).toBe(true);
    });

    it('stops at the page limit and says there is more', async () => {
      const operations = { all: { path: '/linked', pick: '[].n', pagination: { kind: 'link_header', max_pages: 2 } } };
      const result = await call({ base_url: api.url, operations }, {}, { operation: 'all' });
      expect(result.body).toEqual({ items: [11, 12, 21, 22], pages: 2, more: true });
    });
  });

  describe('limits', () => {
    beforeAll(() => {
      api.route('GET', '/busy', (_req, res) => json(res, 429, { error: 'slow down' }, { 'retry-after': '7' }));
      api.route('GET', '/huge', (_req, res) => streamHuge(res, api.streamed));
      api.route('POST', '/echo', (req, res) => json(res, 201, { got: JSON.parse(req.body) as unknown, type: req.headers['content-type'] }));
    });

    it('passes a 429 on with its Retry-After, for the runner to come back later', async () => {
      const result = await call({ base_url: api.url, operations: { busy: { path: '/busy' } } }, {}, { operation: 'busy' });
      expect(result.status).toBe(429);
      expect(result.headers.get('retry-after')).toBe('7');
    });

    it('cuts a 50 MB answer off at the cap without reading the rest', async () => {
      const result = await call({ base_url: api.url, operations: { huge: { path: '/huge' } } }, {}, { operation: 'huge' });
      expect(result.status).toBe(422);
      expect(result.body.error?.message).toMatch(new RegExp(`answered more than ${CAP} bytes`));
      const details = result.body.error?.details as { bytes_read: number };
      expect(details.bytes_read).toBeLessThanOrEqual(CAP + 1024 * 1024);
      expect(api.streamed.bytes).toBeLessThan(20 * 1024 * 1024);
    });

    it('an operation may lower the cap', async () => {
      const operations = { echo: { verb: 'POST', path: '/echo', body: { name: '{name}' }, max_response_bytes: 10 } };
      const result = await call({ base_url: api.url, operations }, {}, { operation: 'echo', name: 'a long enough name' });
      expect(result.status).toBe(422);
    });

    it('sends a JSON body from the input, typed', async () => {
      const operations = { echo: { verb: 'POST', path: '/echo', body: { name: '{name}', tags: ['{tag}', 'fixed'], count: '{count}', skipped: '{absent}' } } };
      const result = await call({ base_url: api.url, operations }, {}, { operation: 'echo', name: 'Ada', tag: 't1', count: 3 });
      expect(result.body).toEqual({ got: { name: 'Ada', tags: ['t1', 'fixed'], count: 3 }, type: 'application/json' });
    });
  });

  describe('outbound safety', () => {
    it('refuses a deployment at 127.0.0.1 unless the connector allows it', async () => {
      const connection = { base_url: api.url, operations: { me: { path: '/busy' } } };
      const before = api.requests.length;
      const result = await call(connection, {}, { operation: 'me' }, closedConnectorUrl);
      expect(result.status).toBe(422);
      expect(result.body.error?.message).toMatch(/127\.0\.0\.1 is a loopback address/);
      expect(api.requests.length).toBe(before);
    });

    it('refuses the metadata address even under an allowed range', async () => {
      const connection = { base_url: 'http://169.254.169.254/latest', operations: { creds: { path: '/meta-data/iam' } } };
      const result = await call(connection, {}, { operation: 'creds' }, closedConnectorUrl);
      expect(result.status).toBe(422);
      expect(result.body.error?.message).toMatch(/169\.254\.169\.254 is a cloud metadata address/);
    });
  });
});
