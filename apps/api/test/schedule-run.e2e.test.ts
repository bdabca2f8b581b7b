import crypto from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import { createKeyring, type SecretKey } from '@interflow/registry';
import { freePort, startDaemon, waitFor, type DaemonProcess } from '@interflow/test-kit';
import { registerGreeter, startGreeterConnector, type GreeterConnector } from './support/greeter-connector';
import { createTestApi, type TestApi } from './support/test-api';

const RUNNER_SCRIPT = path.resolve(__dirname, '..', '..', 'runner', 'dist', 'main.js');
const PRODUCER_SCRIPT = path.resolve(__dirname, '..', '..', 'producer', 'dist', 'main.js');

/**
 * A schedule made through the api, fired by the built producer, run by the built runner
 * against an SDK connector: contract 3 from both ends (the producer's run request, the
 * runner's run keyed by the message and marked as triggered by a schedule).
 */
describe('api → schedule → producer → runner → connector', () => {
  const key: SecretKey = { id: 'e2e', key: crypto.randomBytes(32) };
  const signingSecret = crypto.randomBytes(32).toString('base64url');
  let api: TestApi;
  let connector: GreeterConnector;
  let runner: DaemonProcess;
  let producer: DaemonProcess;
  let actionId: string;

  beforeAll(async () => {
    api = await createTestApi({ keyring: createKeyring(key) });
    connector = await startGreeterConnector(signingSecret);
    ({ actionId } = await registerGreeter(api, connector, { signingSecret, apiKey: 'k' }));

    const env = { DATABASE_URL: api.db.url, DATABASE_SCHEMA: api.db.schema, DATABASE_POOL_SIZE: '4', LOG_LEVEL: 'info' };
    const runnerPort = await freePort();
    runner = await startDaemon({
      script: RUNNER_SCRIPT,
      env: {
        ...env,
        HEALTH_PORT: String(runnerPort),
        INTERFLOW_SECRET_KEY: `${key.id}:${key.key.toString('base64')}`,
        INTERFLOW_OUTBOUND_ALLOW: '127.0.0.1',
      },
      readyUrl: `http://127.0.0.1:${runnerPort}/readyz`,
    });
    const producerPort = await freePort();
    producer = await startDaemon({
      script: PRODUCER_SCRIPT,
      env: { ...env, HEALTH_PORT: String(producerPort), INTERFLOW_SECRET_KEY: `${key.id}:${key.key.toString('base64')}` },
      readyUrl: `http://127.0.0.1:${producerPort}/readyz`,
    });
  });

  afterAll(async () => {
    await producer?.stop('SIGTERM');
    await runner?.stop('SIGTERM');
    await connector?.close();
    await api?.close();
  });

  it('runs the action once at the scheduled instant, recorded as triggered by the schedule', async () => {
    const at = new Date(Date.now() + 1500).toISOString();
    const created = await request(api.app)
      .post('/v1/schedules')
      .set(api.auth(api.adminToken))
      .send({ name: 'greet-once', target: { type: 'action', action_id: actionId, input: { name: 'Scheduled' } }, rule: { type: 'once', at } })
      .expect(201);
    const run = await waitFor(
      async () => {
        const [row] = await api.db.sql<{ status: string; trigger: string; triggered_by: string | null; input: unknown }[]>`
          select status, trigger, triggered_by, input from runs where action_id = ${actionId}`;
        return row?.status === 'succeeded' ? row : null;
      },
      { timeoutMs: 60_000, description: 'the scheduled run to succeed' },
    );
    expect(run).toMatchObject({ trigger: 'schedule', input: { name: 'Scheduled' } });
    expect(connector.calls.map((call) => call.name)).toEqual(['Scheduled']);
    const schedule = await request(api.app).get(`/v1/schedules/${created.body.id}`).set(api.auth(api.adminToken)).expect(200);
    expect(schedule.body).toMatchObject({ last_fired_at: new Date(at).toISOString(), next_fire_at: null, last_error: null });
    const fires = await request(api.app).get(`/v1/schedules/${created.body.id}/fires`).set(api.auth(api.adminToken)).expect(200);
    expect(fires.body).toEqual({ items: [expect.objectContaining({ fire_time: new Date(at).toISOString(), outcome: 'published' })], next_cursor: null });
    expect(await producer.stop('SIGTERM')).toBe(0);
  });
});
