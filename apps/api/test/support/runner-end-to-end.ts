import crypto from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import { createKeyring, type SecretKey } from '@interflow/registry';
import { freePort, startDaemon, waitFor, type DaemonProcess } from '@interflow/test-kit';
import { registerGreeter, startGreeterConnector, type GreeterConnector, type RegisteredGreeter } from './greeter-connector';
import { createTestApi, type TestApi } from './test-api';

const RUNNER_SCRIPT = path.resolve(__dirname, '..', '..', '..', 'runner', 'dist', 'main.js');

/** The api in process, the greeter connector registered, and the built runner daemon consuming: on either broker. */
export interface RunnerEndToEnd {
  api: TestApi;
  connector: GreeterConnector;
  runner: DaemonProcess;
  greeter: RegisteredGreeter;
  close(): Promise<void>;
}

/** Starts the whole path; the runner gets the same broker variables as the api. */
export async function startRunnerEndToEnd(broker: 'postgres' | 'rabbitmq'): Promise<RunnerEndToEnd> {
  const key: SecretKey = { id: 'e2e', key: crypto.randomBytes(32) };
  const signingSecret = crypto.randomBytes(32).toString('base64url');
  const api = await createTestApi({ keyring: createKeyring(key), broker });
  const connector = await startGreeterConnector(signingSecret);
  const greeter = await registerGreeter(api, connector, { signingSecret, apiKey: 'k-123' });
  const healthPort = await freePort();
  const brokerEnv: Record<string, string> =
    broker === 'rabbitmq'
      ? { INTERFLOW_BROKER: 'rabbitmq', AMQP_URL: process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672', AMQP_NAME_PREFIX: `${api.db.schema}.` }
      : {};
  const runner = await startDaemon({
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
      ...brokerEnv,
    },
    readyUrl: `http://127.0.0.1:${healthPort}/readyz`,
  });
  await waitFor(() => runner.logs.some((line) => line.message === 'runner consuming'), { description: 'the runner to consume' });
  return {
    api,
    connector,
    runner,
    greeter,
    async close() {
      await runner.stop('SIGTERM');
      await connector.close();
      await api.close();
    },
  };
}

/** Triggers the greeter with `?wait` and checks the answer, the connector call and the recorded attempt; answers the run's id. */
export async function expectWaitedGreeting(e2e: RunnerEndToEnd, name: string): Promise<string> {
  const { api, connector, greeter } = e2e;
  const response = await request(api.app)
    .post(`/v1/actions/${greeter.actionId}/runs`)
    .query({ wait: 60 })
    .set(api.auth(api.adminToken))
    .send({ input: { name } })
    .expect(200);
  expect(response.body).toMatchObject({ status: 'succeeded', response: { greeting: `hello ${name}` } });
  expect(connector.calls).toContainEqual({ name, apiKey: 'k-123' });
  const run = await waitFor(async () => {
    const r = await request(api.app).get(`/v1/runs/${response.body.id}`).set(api.auth(api.adminToken)).expect(200);
    return r.body.status === 'succeeded' ? r.body : null;
  });
  expect(run.attempts).toEqual([expect.objectContaining({ attempt: 1, outcome: 'succeeded', http_status: 200 })]);
  return response.body.id as string;
}
