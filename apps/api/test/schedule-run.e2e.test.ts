import crypto from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { z } from 'zod';
import { createConnector, defineMethod } from '@interflow/connector-sdk';
import { createKeyring, type SecretKey } from '@interflow/core';
import { freePort, startDaemon, waitFor, type DaemonProcess } from '@interflow/test-kit';
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
  const greeted: string[] = [];
  let api: TestApi;
  let connector: Server;
  let runner: DaemonProcess;
  let producer: DaemonProcess;
  let actionId: string;

  beforeAll(async () => {
    api = await createTestApi({ keyring: createKeyring(key) });
    const app = createConnector({
      name: 'greeter',
      signingSecret,
      methods: [
        defineMethod({
          name: 'greet',
          input: z.object({ name: z.string() }),
          handler: (context) => {
            greeted.push(context.input.name);
            return { greeting: `hello ${context.input.name}` };
          },
        }),
      ],
    });
    connector = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => connector.once('listening', resolve));
    const baseUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}`;
    const admin = api.auth(api.adminToken);
    const service = await request(api.app)
      .post('/v1/services')
      .set(admin)
      .send({ name: 'greeter', base_url: baseUrl, signing_secret: signingSecret, methods: [{ name: 'greet', path: '/methods/greet' }] })
      .expect(201);
    const deployment = await request(api.app)
      .post('/v1/deployments')
      .set(admin)
      .send({ name: 'greeter-prod', service_id: service.body.id, credentials: { api_key: 'k' } })
      .expect(201);
    const action = await request(api.app).post('/v1/actions').set(admin).send({ name: 'greet', deployment_id: deployment.body.id, method: 'greet' }).expect(201);
    actionId = action.body.id;

    const env = { DATABASE_URL: api.db.url, DATABASE_SCHEMA: api.db.schema, DATABASE_POOL_SIZE: '4', LOG_LEVEL: 'info' };
    const runnerPort = await freePort();
    runner = await startDaemon({
      script: RUNNER_SCRIPT,
      env: { ...env, HEALTH_PORT: String(runnerPort), INTERFLOW_SECRET_KEY: `${key.id}:${key.key.toString('base64')}` },
      readyUrl: `http://127.0.0.1:${runnerPort}/readyz`,
    });
    const producerPort = await freePort();
    producer = await startDaemon({ script: PRODUCER_SCRIPT, env: { ...env, HEALTH_PORT: String(producerPort) }, readyUrl: `http://127.0.0.1:${producerPort}/readyz` });
  });

  afterAll(async () => {
    await producer?.stop('SIGTERM');
    await runner?.stop('SIGTERM');
    await new Promise((resolve) => connector?.close(resolve));
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
    expect(greeted).toEqual(['Scheduled']);
    const schedule = await request(api.app).get(`/v1/schedules/${created.body.id}`).set(api.auth(api.adminToken)).expect(200);
    expect(schedule.body).toMatchObject({ last_fired_at: new Date(at).toISOString(), next_fire_at: null, last_error: null });
    const fires = await request(api.app).get(`/v1/schedules/${created.body.id}/fires`).set(api.auth(api.adminToken)).expect(200);
    expect(fires.body).toEqual({ items: [expect.objectContaining({ fire_time: new Date(at).toISOString(), outcome: 'published' })], next_cursor: null });
    expect(await producer.stop('SIGTERM')).toBe(0);
  });
});
