import path from 'node:path';
import { generateSecretKeySpec } from '@interflow/registry';
import { createTestDatabase, freePort, startDaemon, waitFor, type TestDatabase } from '@interflow/test-kit';

const root = path.resolve(__dirname, '..', '..', '..');
const script = (app: string) => path.join(root, 'apps', app, 'dist', 'main.js');

/** Environment each daemon needs to start, beyond the database. */
function daemonEnv(app: string, db: TestDatabase, port: number): Record<string, string> {
  const portVariable = app === 'api' ? 'PORT' : 'HEALTH_PORT';
  return {
    DATABASE_URL: db.url,
    DATABASE_SCHEMA: db.schema,
    [portVariable]: String(port),
    LOG_LEVEL: 'info',
    INTERFLOW_SECRET_KEY: generateSecretKeySpec('test'),
  };
}

describe.each(['api', 'producer', 'runner'])('%s daemon', (app) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('serves /healthz, /readyz and /metrics, logs JSON, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const daemon = await startDaemon({
      script: script(app),
      env: daemonEnv(app, db, port),
      readyUrl: `http://127.0.0.1:${port}/readyz`,
    });
    try {
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(await ready.json()).toMatchObject({ ready: true, checks: { database: 'ok', migrations: 'ok' } });
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toContain('interflow_process_cpu_seconds_total');
      // readiness can answer before the first log line has crossed the pipe
      await waitFor(() => daemon.logs.some((line) => line.service === app && typeof line.time === 'string'), {
        description: `a JSON log line from the ${app}`,
      });
    } finally {
      expect(await daemon.stop('SIGTERM')).toBe(0);
    }
    expect(daemon.logs.some((line) => line.message === 'stopped')).toBe(true);
  });

  it('refuses to start with a bad variable, naming it', async () => {
    const port = await freePort();
    const daemon = await startDaemon({
      script: script(app),
      env: { ...daemonEnv(app, db, port), DATABASE_URL: 'not a url', LOG_LEVEL: 'chatty' },
    });
    expect(await daemon.exited).toBe(1);
    const stderr = daemon.stderr.join('');
    expect(stderr).toContain('DATABASE_URL');
    expect(stderr).toContain('LOG_LEVEL');
  });

  it('answers /readyz 503 while the schema is not migrated', async () => {
    const unmigrated = await createTestDatabase({ migrate: false });
    const port = await freePort();
    const daemon = await startDaemon({ script: script(app), env: daemonEnv(app, unmigrated, port) });
    try {
      const healthz = `http://127.0.0.1:${port}/healthz`;
      await waitFor(async () => (await fetch(healthz).catch(() => undefined))?.status === 200, {
        description: 'healthz',
      });
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ ready: false, checks: { migrations: expect.stringMatching(/not migrated/) } });
    } finally {
      await daemon.stop('SIGTERM');
      await unmigrated.drop();
    }
  });
});
