import crypto from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import { createKeyring, type SecretKey } from '@interflow/registry';
import { freePort, startDaemon, waitFor, type DaemonProcess } from '@interflow/test-kit';
import { registerGreeter, startGreeterConnector, type GreeterConnector } from './support/greeter-connector';
import { createTestApi, type TestApi } from './support/test-api';

const RUNNER_SCRIPT = path.resolve(__dirname, '..', '..', 'runner', 'dist', 'main.js');

/**
 * The whole path through real processes: the api (in process) registers a connector
 * built with the SDK, the built runner daemon executes the runs, and `?wait` receives the
 * runner's reply on the api's reply queue.
 */
describe('api → runner → connector', () => {
  const key: SecretKey = { id: 'e2e', key: crypto.randomBytes(32) };
  const signingSecret = crypto.randomBytes(32).toString('base64url');
  let api: TestApi;
  let connector: GreeterConnector;
  let runner: DaemonProcess;
  let actionId: string;
  let cachedActionId: string;
  let webhookPath: string;

  beforeAll(async () => {
    api = await createTestApi({ keyring: createKeyring(key) });
    connector = await startGreeterConnector(signingSecret);
    const admin = api.auth(api.adminToken);
    const greeter = await registerGreeter(api, connector, { signingSecret, apiKey: 'k-123' });
    actionId = greeter.actionId;
    webhookPath = greeter.webhookPath;
    const cached = await request(api.app)
      .post('/v1/actions')
      .set(admin)
      .send({ name: 'greet-cached', deployment_id: greeter.deploymentId, method: 'greet', cache_ttl_ms: 600_000 })
      .expect(201);
    cachedActionId = cached.body.id;

    const healthPort = await freePort();
    runner = await startDaemon({
      script: RUNNER_SCRIPT,
      env: {
        DATABASE_URL: api.db.url,
        DATABASE_SCHEMA: api.db.schema,
        DATABASE_POOL_SIZE: '4',
        HEALTH_PORT: String(healthPort),
        INTERFLOW_SECRET_KEY: `${key.id}:${key.key.toString('base64')}`,
        // The test's connector listens on loopback: allowed explicitly.
        INTERFLOW_OUTBOUND_ALLOW: '127.0.0.1',
        LOG_LEVEL: 'info',
      },
      readyUrl: `http://127.0.0.1:${healthPort}/readyz`,
    });
    await waitFor(() => runner.logs.some((line) => line.message === 'runner consuming'), { description: 'the runner to consume' });
  });

  afterAll(async () => {
    await runner?.stop('SIGTERM');
    await connector?.close();
    await api?.close();
  });

  it('answers ?wait with the connector response, the run recorded with its attempt', async () => {
    const response = await request(api.app)
      .post(`/v1/actions/${actionId}/runs`)
      .query({ wait: 60 })
      .set(api.auth(api.adminToken))
      .send({ input: { name: 'Ada' } })
      .expect(200);
    expect(response.body).toMatchObject({ status: 'succeeded', response: { greeting: 'hello Ada' } });
    expect(connector.calls).toContainEqual({ name: 'Ada', apiKey: 'k-123' });
    const run = await waitFor(async () => {
      const r = await request(api.app).get(`/v1/runs/${response.body.id}`).set(api.auth(api.adminToken)).expect(200);
      return r.body.status === 'succeeded' ? r.body : null;
    });
    expect(run.attempts).toEqual([expect.objectContaining({ attempt: 1, outcome: 'succeeded', http_status: 200 })]);
  });

  it('runs through the webhook and waits for it too', async () => {
    const response = await request(api.app).post(webhookPath).query({ wait: 60 }).send({ name: 'Hook' }).expect(200);
    expect(response.body).toMatchObject({ status: 'succeeded', trigger: 'webhook', response: { greeting: 'hello Hook' } });
  });

  it('answers a repeated input from the cache the runner filled, without calling the connector', async () => {
    const first = await request(api.app)
      .post(`/v1/actions/${cachedActionId}/runs`)
      .query({ wait: 60 })
      .set(api.auth(api.adminToken))
      .send({ input: { name: 'Cache' } })
      .expect(200);
    expect(first.body.from_cache).toBe(false);
    await waitFor(async () => (await api.db.sql`select 1 from response_cache where action_id = ${cachedActionId}`).length > 0, {
      description: 'the runner to fill the response cache',
    });
    const callsBefore = connector.calls.filter((c) => c.name === 'Cache').length;
    const second = await request(api.app).post(`/v1/actions/${cachedActionId}/runs`).set(api.auth(api.adminToken)).send({ input: { name: 'Cache' } });
    expect(second.body.from_cache).toBe(true);
    expect(second.status).toBe(200);
    expect(second.body.response).toEqual({ greeting: 'hello Cache' });
    expect(connector.calls.filter((c) => c.name === 'Cache').length).toBe(callsBefore);
  });
});
