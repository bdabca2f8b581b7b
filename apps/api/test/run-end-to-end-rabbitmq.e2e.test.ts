import crypto from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import { createKeyring, type SecretKey } from '@interflow/registry';
import { freePort, startDaemon, waitFor, type DaemonProcess } from '@interflow/test-kit';
import { registerGreeter, startGreeterConnector, type GreeterConnector } from './support/greeter-connector';
import { createTestApi, type TestApi } from './support/test-api';

const RUNNER_SCRIPT = path.resolve(__dirname, '..', '..', 'runner', 'dist', 'main.js');

/** The same path with INTERFLOW_BROKER=rabbitmq: the api in process and the runner daemon both on RabbitMQ. */
describe('api → runner → connector, on RabbitMQ', () => {
  const key: SecretKey = { id: 'e2e', key: crypto.randomBytes(32) };
  const signingSecret = crypto.randomBytes(32).toString('base64url');
  let api: TestApi;
  let connector: GreeterConnector;
  let runner: DaemonProcess;
  let actionId: string;

  beforeAll(async () => {
    api = await createTestApi({ keyring: createKeyring(key), broker: 'rabbitmq' });
    connector = await startGreeterConnector(signingSecret);
    const greeter = await registerGreeter(api, connector, { signingSecret, apiKey: 'k-123' });
    actionId = greeter.actionId;
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
        INTERFLOW_BROKER: 'rabbitmq',
        AMQP_URL: process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
        AMQP_NAME_PREFIX: `${api.db.schema}.`,
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

  it('a run triggered without waiting goes through the outbox, runs, and its message is finished', async () => {
    const response = await request(api.app)
      .post(`/v1/actions/${actionId}/runs`)
      .query({ wait: 60 })
      .set(api.auth(api.adminToken))
      .send({ input: { name: 'Ada' } })
      .expect(200);
    expect(response.body.status).toBe('succeeded');
    const second = await request(api.app).post(`/v1/actions/${actionId}/runs`).set(api.auth(api.adminToken)).send({ input: { name: 'Grace' } }).expect(202);
    await waitFor(async () => {
      const r = await request(api.app).get(`/v1/runs/${second.body.id}`).set(api.auth(api.adminToken)).expect(200);
      return r.body.status === 'succeeded';
    });
    expect(await api.db.sql`select 1 from rabbitmq_outbox`).toHaveLength(0);
    const [row] = await api.db.sql<{ message_id: string }[]>`select message_id from runs where id = ${second.body.id}`;
    expect(row?.message_id).toMatch(/^\d+$/);
    if (api.broker.kind !== 'rabbitmq') throw new Error('expected the RabbitMQ broker');
    expect(await api.broker.unsettledMessageIds([row!.message_id])).toEqual(new Set());
  });
});
