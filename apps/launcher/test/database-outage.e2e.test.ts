import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, migrations } from '@interflow/migrations';
import { generateSecretKeySpec } from '@interflow/registry';
import { ensureDatabase } from '@interflow/local-postgres';
import { freePort, PrivatePostgres, startDaemon, waitFor, type DaemonProcess } from '@interflow/test-kit';

const root = path.resolve(__dirname, '..', '..', '..');
const script = (app: string) => path.join(root, 'apps', app, 'dist', 'main.js');
const schema = 'outage_e2e';
const adminToken = `if_admin_${crypto.randomBytes(24).toString('hex')}`;

/** Long enough for a busy machine, far shorter than the pool's reconnect backoff (up to 20 s). */
const PROBE_PATIENCE_MS = 5000;

/**
 * The api, the runner and the producer while their PostgreSQL server is down, right
 * after they became ready (a runner may still be starting its consumers then): none
 * exits, `/readyz` keeps answering 503 (it must not wait behind the pool's reconnect
 * backoff), a publish gets 503 with Retry-After instead of 500, and all come back once
 * the server is back.
 */
describe('api, runner and producer while the database is down', () => {
  let server: PrivatePostgres;
  let api: DaemonProcess;
  let runner: DaemonProcess;
  let producer: DaemonProcess;
  let apiUrl: string;
  let runnerUrl: string;
  let producerUrl: string;

  beforeAll(async () => {
    server = new PrivatePostgres(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'interflow-outage-')), 'data'), await freePort());
    await server.start();
    const url = await ensureDatabase(server.url, 'interflow');
    await migrate({ url, schema, migrations });
    const [apiPort, runnerPort, producerPort] = await Promise.all([freePort(), freePort(), freePort()]);
    const shared = { DATABASE_URL: url, DATABASE_SCHEMA: schema, INTERFLOW_SECRET_KEY: generateSecretKeySpec('outage'), LOG_LEVEL: 'info' };
    apiUrl = `http://127.0.0.1:${apiPort}`;
    runnerUrl = `http://127.0.0.1:${runnerPort}`;
    producerUrl = `http://127.0.0.1:${producerPort}`;
    api = await startDaemon({ script: script('api'), env: { ...shared, PORT: String(apiPort), INTERFLOW_ADMIN_TOKEN: adminToken }, readyUrl: `${apiUrl}/readyz` });
    runner = await startDaemon({ script: script('runner'), env: { ...shared, HEALTH_PORT: String(runnerPort) }, readyUrl: `${runnerUrl}/readyz` });
    producer = await startDaemon({ script: script('producer'), env: { ...shared, HEALTH_PORT: String(producerPort) }, readyUrl: `${producerUrl}/readyz` });
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await runner?.stop('SIGKILL');
    await producer?.stop('SIGKILL');
    await server?.stop();
    fs.rmSync(path.dirname(server.dataDir), { recursive: true, force: true });
  });

  const publish = () =>
    fetch(`${apiUrl}/v1/queues/outage/publish`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ payload: { n: 1 } }),
      signal: AbortSignal.timeout(60_000),
    });

  it('stays up, answers readiness probes and publishes with 503 while it is down, and recovers', async () => {
    const declared = await fetch(`${apiUrl}/v1/queues`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'outage' }),
    });
    expect(declared.status).toBe(201);
    expect((await publish()).status).toBe(201);

    await server.stop();

    // The first publish meets the dead connections; it must be a 503 the client can retry.
    const refused = await publish();
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: { code: 'database_unavailable' } });

    // Twelve probes of each daemon over several seconds: every one answers, 503, naming the database.
    const daemons = [
      { name: 'api', base: apiUrl, daemon: api },
      { name: 'runner', base: runnerUrl, daemon: runner },
      { name: 'producer', base: producerUrl, daemon: producer },
    ];
    for (let i = 0; i < 12; i++) {
      for (const { name, base, daemon } of daemons) {
        const probe = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(PROBE_PATIENCE_MS) }).catch((error: unknown) => {
          throw new Error(`the ${name}'s /readyz failed (${String((error as Error).cause ?? error)}); the ${name} ${daemon.diagnosis()}`);
        });
        expect(probe.status).toBe(503);
        expect(await probe.json()).toMatchObject({ ready: false, checks: { database: expect.stringMatching(/^unreachable/) } });
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const later = await publish();
    expect(later.status).toBe(503);
    expect(later.headers.get('retry-after')).not.toBeNull();
    expect(api.logs.some((line) => line.level === 'error' && line.message === 'unhandled error')).toBe(false);

    await server.start();

    for (const base of [apiUrl, runnerUrl, producerUrl]) {
      await waitFor(async () => (await fetch(`${base}/readyz`)).status === 200, { timeoutMs: 60_000, description: `${base} ready again` });
    }
    await waitFor(async () => (await publish()).status === 201, { timeoutMs: 60_000, description: 'publishes to succeed again' });
    expect(await api.stop('SIGTERM')).toBe(0);
    expect(await runner.stop('SIGTERM')).toBe(0);
    expect(await producer.stop('SIGTERM')).toBe(0);
  });
});
