import crypto from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import { generateSecretKeySpec } from '@interflow/registry';
import { createTestDatabase, freePort, PrivateRabbitmq, startDaemon, waitFor, type DaemonProcess, type TestDatabase } from '@interflow/test-kit';
import { registerGreeter, startGreeterConnector, type GreeterConnector, type RegisteredGreeter } from './support/greeter-connector';

const APPS = path.resolve(__dirname, '..', '..');
const SCRIPTS = {
  api: path.join(APPS, 'api', 'dist', 'main.js'),
  runner: path.join(APPS, 'runner', 'dist', 'main.js'),
  producer: path.join(APPS, 'producer', 'dist', 'main.js'),
};
/** Anything that needs the node back: it boots slowly on a loaded machine, recovering its queues first after a SIGKILL. */
const NODE_BACK_MS = 300_000;
const SCHEDULE_EVERY_MS = 3_000;

interface RunRow {
  id: string;
  status: string;
  trigger: string;
}

/**
 * Issue #11 from the daemons' side: the built api, runner and producer on a RabbitMQ node
 * of the test's own (the shared server must never be restarted), whose Erlang VM is
 * SIGKILLed under work and started again on its data. Runs are triggered before the
 * kill (two of them held in the connector, in flight at the kill), while the node is down
 * (the api accepts them into its outbox) and after it is back; a schedule fires
 * throughout. Every accepted run must succeed, recorded once; the held ones come again;
 * every schedule fire is one run; the daemons never exit, answer /readyz with 200, the
 * api's `?wait` hears the runner's reply again, and SIGTERM still ends each with 0.
 */
describe('api, runner and producer on RabbitMQ through a SIGKILL of the node', () => {
  const signingSecret = crypto.randomBytes(32).toString('base64url');
  const adminToken = `if_admin_${crypto.randomBytes(24).toString('hex')}`;
  const admin = { Authorization: `Bearer ${adminToken}` };
  const firstCallsHeld = new Set<string>();
  let testOver = false;
  let db: TestDatabase;
  let node: PrivateRabbitmq;
  let connector: GreeterConnector;
  let greeter: RegisteredGreeter;
  let apiUrl: string;
  const daemons: { name: keyof typeof SCRIPTS; process: DaemonProcess; readyUrl: string }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    node = await PrivateRabbitmq.create();
    await node.start();
    // The first call of each `held-*` name is answered only once the runner hangs up on it.
    connector = await startGreeterConnector(signingSecret, {
      hold: (name, hungUp) => {
        if (!name.startsWith('held-') || firstCallsHeld.has(name)) return undefined;
        firstCallsHeld.add(name);
        return waitFor(() => hungUp.aborted || testOver, { timeoutMs: 2 * NODE_BACK_MS, intervalMs: 100 }).then(() => undefined);
      },
    });
    const common = {
      DATABASE_URL: db.url,
      DATABASE_SCHEMA: db.schema,
      DATABASE_POOL_SIZE: '4',
      LOG_LEVEL: 'info',
      INTERFLOW_SECRET_KEY: generateSecretKeySpec('e2e'),
      INTERFLOW_BROKER: 'rabbitmq',
      AMQP_URL: node.url,
      AMQP_NAME_PREFIX: `${db.schema}.`,
    };
    const apiPort = await freePort();
    apiUrl = `http://127.0.0.1:${apiPort}`;
    const own: Record<keyof typeof SCRIPTS, { port: number; env: Record<string, string> }> = {
      api: { port: apiPort, env: { PORT: String(apiPort), INTERFLOW_ADMIN_TOKEN: adminToken } },
      runner: { port: await freePort(), env: { INTERFLOW_OUTBOUND_ALLOW: '127.0.0.1' } },
      producer: { port: await freePort(), env: {} },
    };
    for (const name of ['api', 'runner', 'producer'] as const) {
      const { port, env } = own[name];
      const readyUrl = `http://127.0.0.1:${port}/readyz`;
      const daemon = await startDaemon({ script: SCRIPTS[name], env: { ...common, HEALTH_PORT: String(port), ...env }, readyUrl, timeoutMs: 120_000 });
      daemons.push({ name, process: daemon, readyUrl });
    }
    // the configured admin token is stored just after the api starts
    await waitFor(async () => (await request(apiUrl).get('/v1/services').set(admin)).status === 200, { description: 'the admin token to be stored' });
    greeter = await registerGreeter({ app: apiUrl, adminToken, auth: () => admin }, connector, { signingSecret, apiKey: 'k' });
    const runner = daemons.find((daemon) => daemon.name === 'runner')!.process;
    await waitFor(() => runner.logs.some((line) => line.message === 'runner consuming'), { timeoutMs: 120_000, description: 'the runner to consume' });
  }, 2 * NODE_BACK_MS);

  afterAll(async () => {
    testOver = true;
    await Promise.all(daemons.map((daemon) => daemon.process.stop('SIGKILL')));
    await connector?.close();
    await node?.remove();
    await db?.drop();
  }, 60_000);

  const triggerByApi = async (name: string): Promise<string> => {
    const response = await request(apiUrl).post(`/v1/actions/${greeter.actionId}/runs`).set(admin).send({ input: { name } }).expect(202);
    return response.body.id as string;
  };
  const triggerByWebhook = async (name: string): Promise<string> => {
    const response = await request(apiUrl).post(greeter.webhookPath).send({ name }).expect(202);
    return response.body.id as string;
  };
  const runsOf = (trigger: string) => db.sql<RunRow[]>`select id, status, trigger from runs where trigger = ${trigger}`;
  const publishedFires = async () => (await db.sql<{ n: number }[]>`select count(*)::int as n from schedule_fires where outcome = 'published'`)[0]!.n;

  it('loses no accepted run, runs each once, brings held deliveries back, keeps firing, and every daemon stays up and ready', async () => {
    const schedule = await request(apiUrl)
      .post('/v1/schedules')
      .set(admin)
      .send({ name: 'greet-often', target: { type: 'action', action_id: greeter.actionId, input: { name: 'scheduled' } }, rule: { type: 'interval', every_ms: SCHEDULE_EVERY_MS } })
      .expect(201);

    const accepted = new Map<string, string>();
    const accept = async (name: string, trigger: (name: string) => Promise<string>) => accepted.set(name, await trigger(name));

    // Before: two calls held in the connector, so their deliveries are in the runner's hands at the kill.
    for (const name of ['before-1', 'before-2', 'held-1', 'held-2', 'before-3']) await accept(name, triggerByApi);
    await waitFor(() => firstCallsHeld.size === 2, { timeoutMs: NODE_BACK_MS, description: 'both held calls in the connector' });
    await waitFor(async () => (await publishedFires()) > 0, { timeoutMs: NODE_BACK_MS, description: 'a schedule fire before the kill' });

    await node.kill();

    // While the node is down the api still accepts runs (run row and outbox row in one transaction); a waiting request gives up with 202.
    await accept('during-1', triggerByWebhook);
    await accept('during-2', triggerByApi);
    const waited = await request(apiUrl).post(`/v1/actions/${greeter.actionId}/runs`).query({ wait: 2 }).set(admin).send({ input: { name: 'during-wait' } }).expect(202);
    expect(waited.body.status).toBe('queued');
    accepted.set('during-wait', waited.body.id as string);
    await accept('during-3', triggerByWebhook);

    await node.start();
    const firesAtRestart = await publishedFires();
    for (const name of ['after-1', 'after-2']) await accept(name, triggerByApi);
    await accept('after-3', triggerByWebhook);

    const acceptedIds = new Set(accepted.values());
    await waitFor(async () => {
      const rows = [...(await runsOf('api')), ...(await runsOf('webhook'))].filter((row) => acceptedIds.has(row.id));
      return rows.length === acceptedIds.size && rows.every((row) => row.status === 'succeeded');
    }, { timeoutMs: NODE_BACK_MS, description: 'every accepted run to succeed' }).catch(async (error: unknown) => {
      const rows = [...(await runsOf('api')), ...(await runsOf('webhook'))];
      throw new Error(`${(error as Error).message}; runs: ${JSON.stringify(rows)}`);
    });

    // The held deliveries came back: the interrupted call recorded, then a second call that succeeded.
    for (const name of ['held-1', 'held-2']) {
      const run = await request(apiUrl).get(`/v1/runs/${accepted.get(name)}`).set(admin).expect(200);
      const outcomes = (run.body.attempts as { outcome: string }[]).map((attempt) => attempt.outcome);
      expect(outcomes[0]).toBe('retrying');
      expect(outcomes[outcomes.length - 1]).toBe('succeeded');
      expect(connector.calls.filter((call) => call.name === name).length).toBeGreaterThanOrEqual(2);
    }
    for (const name of accepted.keys()) expect(connector.calls.map((call) => call.name)).toContain(name);

    // The producer fires after the restart too, and each fire is one run that succeeded.
    await waitFor(async () => (await publishedFires()) >= firesAtRestart + 2, { timeoutMs: NODE_BACK_MS, description: 'schedule fires after the restart' });
    await request(apiUrl).patch(`/v1/schedules/${schedule.body.id}`).set(admin).send({ enabled: false }).expect(200);
    await waitFor(async () => {
      const runs = await runsOf('schedule');
      return runs.length === (await publishedFires()) && runs.every((run) => run.status === 'succeeded');
    }, { timeoutMs: NODE_BACK_MS, description: 'one succeeded run per schedule fire' }).catch(async (error: unknown) => {
      const runs = await runsOf('schedule');
      throw new Error(`${(error as Error).message}; ${await publishedFires()} fires, runs: ${JSON.stringify(runs)}`);
    });

    // The api's reply queue consumes again: a waiting request hears the runner.
    const waitedAfter = await request(apiUrl).post(`/v1/actions/${greeter.actionId}/runs`).query({ wait: 120 }).set(admin).send({ input: { name: 'after-wait' } });
    expect(waitedAfter.status).toBe(200);
    expect(waitedAfter.body).toMatchObject({ status: 'succeeded', response: { greeting: 'hello after-wait' } });
    accepted.set('after-wait', waitedAfter.body.id as string);

    // Each accepted trigger made one run: no redelivery or second relay made another.
    expect((await runsOf('api')).length + (await runsOf('webhook')).length).toBe(accepted.size);

    for (const daemon of daemons) {
      expect({ daemon: daemon.name, exitCode: daemon.process.child.exitCode, signal: daemon.process.child.signalCode }).toEqual({ daemon: daemon.name, exitCode: null, signal: null });
      await waitFor(async () => (await fetch(daemon.readyUrl)).status === 200, { timeoutMs: 60_000, description: `${daemon.name} /readyz to answer 200` });
    }
    for (const daemon of [...daemons].reverse()) expect({ daemon: daemon.name, code: await daemon.process.stop('SIGTERM') }).toEqual({ daemon: daemon.name, code: 0 });
  }, 4 * NODE_BACK_MS);
});
