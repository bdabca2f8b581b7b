import crypto from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createTestDatabase, freePort, startDaemon, waitFor, type DaemonProcess, type TestDatabase } from '@interflow/test-kit';
import { createExampleConnector } from '../src/connector';
import { ApiActionStates } from '../src/api-action-states';
import { createFakeOrdersApi, type FakeOrdersApi } from '../src/fake-orders-api/orders-api';

const APPS = path.resolve(__dirname, '..', '..');

interface RunJson {
  id: string;
  status: string;
  response: { new_orders?: unknown[] } & Record<string, unknown>;
}

interface Page<Item> {
  items: Item[];
}

async function listen(app: { listen(port: number, host: string): Server }): Promise<{ server: Server; url: string }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * The whole path, every piece real: the api and the runner as built daemons, the example
 * connector and the fake orders API over HTTP, one PostgreSQL schema. Registered the way
 * an operator would, through the api.
 */
describe('example connector through api and runner', () => {
  let db: TestDatabase;
  let api: DaemonProcess;
  let runner: DaemonProcess;
  let apiUrl: string;
  let fakeApi: FakeOrdersApi;
  const servers: Server[] = [];
  const adminToken = `ifw_test_${crypto.randomBytes(24).toString('hex')}`;
  const signingSecret = crypto.randomBytes(32).toString('base64url');
  let connectorUrl: string;
  let fakeApiUrl: string;

  /** The api's JSON answer, typed by the caller (tests read only what they assert). */
  const call = async <Body = { id: string }>(method: string, url: string, body?: unknown) => {
    const response = await fetch(`${apiUrl}${url}`, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as Body };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    fakeApi = createFakeOrdersApi({ apiKey: 'orders-key-123', seedOrders: 3 });
    const fake = await listen(fakeApi.app);
    const connector = await listen(createExampleConnector({ signingSecret, states: new ApiActionStates() }));
    servers.push(fake.server, connector.server);
    fakeApiUrl = fake.url;
    connectorUrl = connector.url;

    const [apiPort, runnerPort] = await Promise.all([freePort(), freePort()]);
    const shared = {
      DATABASE_URL: db.url,
      DATABASE_SCHEMA: db.schema,
      DATABASE_POOL_SIZE: '5',
      INTERFLOW_SECRET_KEY: `e2e:${crypto.randomBytes(32).toString('base64')}`,
      // The connector listens on loopback: allowed explicitly.
      INTERFLOW_OUTBOUND_ALLOW: '127.0.0.1',
      LOG_LEVEL: 'warn',
    };
    apiUrl = `http://127.0.0.1:${apiPort}`;
    api = await startDaemon({
      script: path.join(APPS, 'api', 'dist', 'main.js'),
      env: { ...shared, PORT: String(apiPort), HOST: '127.0.0.1', INTERFLOW_ADMIN_TOKEN: adminToken },
      readyUrl: `${apiUrl}/readyz`,
    });
    runner = await startDaemon({
      script: path.join(APPS, 'runner', 'dist', 'main.js'),
      env: { ...shared, HEALTH_PORT: String(runnerPort) },
      readyUrl: `http://127.0.0.1:${runnerPort}/readyz`,
    });
    // The api registers the configured admin token as it starts.
    await waitFor(async () => (await call('GET', '/v1/services')).status === 200, { description: 'the admin token to work' });
  });

  afterAll(async () => {
    await Promise.all([api?.stop('SIGTERM'), runner?.stop('SIGTERM')]);
    for (const server of servers) server.closeAllConnections?.();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    fakeApi.stop();
    await db.drop();
  });

  it('registers the connector, imports its methods, and runs an action with ?wait, reporting only new orders', async () => {
    const service = await call('POST', '/v1/services', { name: 'example-orders', base_url: connectorUrl, signing_secret: signingSecret });
    expect(service.status).toBe(201);
    const imported = await call<{ methods: { name: string }[] }>('POST', `/v1/services/${service.body.id}/methods/import`);
    expect(imported.status).toBe(200);
    expect(imported.body.methods.map((m) => m.name)).toEqual(['list-new-orders', 'get-order', 'create-order']);

    const statesToken = await call<{ token: string }>('POST', '/v1/tokens', { name: 'example connector states', role: 'operator' });
    const deployment = await call('POST', '/v1/deployments', {
      name: 'orders-prod',
      service_id: service.body.id,
      connection: { base_url: fakeApiUrl, interflow_api_url: apiUrl },
      credentials: { api_key: 'orders-key-123', interflow_token: statesToken.body.token },
    });
    expect(deployment.status).toBe(201);
    const action = await call('POST', '/v1/actions', { name: 'new-orders', deployment_id: deployment.body.id, method: 'list-new-orders' });
    expect(action.status).toBe(201);

    const first = await call<RunJson>('POST', `/v1/actions/${action.body.id}/runs?wait=30`, {});
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'succeeded' });
    expect(first.body.response.new_orders).toHaveLength(3);

    const second = await call('POST', `/v1/actions/${action.body.id}/runs?wait=30`, {});
    expect(second.body).toMatchObject({ status: 'succeeded', response: { new_orders: [], changed_orders: [], unchanged: 3 } });

    const added = fakeApi.addOrder({ customer: 'Margaret Hamilton', total: 42 });
    const third = await call<RunJson>('POST', `/v1/actions/${action.body.id}/runs?wait=30`, {});
    expect(third.body.response.new_orders).toEqual([added]);

    const run = await call('GET', `/v1/runs/${third.body.id}`);
    expect(run.body).toMatchObject({ status: 'succeeded', attempt_count: 1 });
  });

  it("chains actions: a subscription starts a run with another action's result", async () => {
    const [service] = (await call<Page<{ name: string }>>('GET', '/v1/services')).body.items;
    const [deployment] = (await call<Page<{ id: string }>>('GET', '/v1/deployments')).body.items;
    expect((await call('POST', '/v1/exchanges', { name: 'orders.events', type: 'topic' })).status).toBe(201);
    const create = await call('POST', '/v1/actions', {
      name: 'create-order',
      deployment_id: deployment?.id,
      method: 'create-order',
      result_route: { exchange: 'orders.events', routing_key: 'order.created' },
    });
    const fetchOrder = await call('POST', '/v1/actions', { name: 'fetch-created-order', deployment_id: deployment?.id, method: 'get-order' });
    expect([create.status, fetchOrder.status, service?.name]).toEqual([201, 201, 'example-orders']);
    const subscription = await call('POST', `/v1/actions/${fetchOrder.body.id}/subscriptions`, { exchange: 'orders.events', binding_key: 'order.*' });
    expect(subscription.status).toBe(201);

    const created = await call<RunJson>('POST', `/v1/actions/${create.body.id}/runs?wait=30`, { input: { customer: 'Katherine Johnson', total: 99.5 } });
    expect(created.body.status).toBe('succeeded');
    const orderId = (created.body.response as { id: string }).id;

    const chained = await waitFor(
      async () => {
        const runs = await call<Page<RunJson>>('GET', `/v1/runs?action_id=${fetchOrder.body.id}`);
        return runs.body.items.find((r) => r.status === 'succeeded');
      },
      { timeoutMs: 30_000, description: 'the subscribed action to run' },
    );
    expect(chained).toMatchObject({ trigger: 'subscription', response: { id: orderId, customer: 'Katherine Johnson', total: 99.5 } });
  });

  it('refuses to import methods from a connector that is not there', async () => {
    const service = await call('POST', '/v1/services', { name: 'nowhere', base_url: 'http://127.0.0.1:9' });
    const imported = await call<{ error: { code: string } }>('POST', `/v1/services/${service.body.id}/methods/import`);
    expect(imported.status).toBe(502);
    expect(imported.body.error.code).toBe('connector_description_unavailable');
  });
});
