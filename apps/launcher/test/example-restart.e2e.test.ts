import path from 'node:path';
import { createTestDatabase, freePort, startDaemon, waitFor, type TestDatabase } from '@interflow/test-kit';

const launcher = path.resolve(__dirname, '..', 'dist', 'main.js');

/**
 * `npm start` stopped and started again with the example: the schedule keeps firing
 * across the restart, and the producer fires the first run after the restart before the
 * launcher has registered anything. That run (and every other) must be signed with the
 * secret the example connector checks: no run may fail.
 */
describe('launcher with the example, restarted', () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let apiPort: number;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    const ports = await Promise.all(Array.from({ length: 6 }, () => freePort()));
    apiPort = ports[0] ?? 0;
    env = {
      DATABASE_URL: db.url,
      DATABASE_SCHEMA: db.schema,
      PORT: String(ports[0]),
      PRODUCER_HEALTH_PORT: String(ports[1]),
      RUNNER_HEALTH_PORT: String(ports[2]),
      EXAMPLE_CONNECTOR_PORT: String(ports[3]),
      FAKE_ORDERS_API_PORT: String(ports[4]),
      HTTP_CONNECTOR_PORT: String(ports[5]),
      EXAMPLE_SCHEDULE_EVERY_MS: '1000',
    };
  });

  afterAll(async () => {
    await db.drop();
  });

  async function scheduledRuns(): Promise<{ succeeded: number; failed: { error: string | null }[] }> {
    const rows = await db.sql<{ status: string; error: string | null }[]>`
      select r.status, r.error from runs r join actions a on a.id = r.action_id
      where a.name = 'example-new-orders' and r.trigger = 'schedule' and r.status in ('succeeded', 'failed')`;
    return { succeeded: rows.filter((r) => r.status === 'succeeded').length, failed: rows.filter((r) => r.status === 'failed') };
  }

  async function start() {
    return startDaemon({ script: launcher, env, readyUrl: `http://127.0.0.1:${apiPort}/readyz`, timeoutMs: 90_000 });
  }

  it('signs the first scheduled run after each restart with the secret the connector checks', async () => {
    const first = await start();
    await waitFor(async () => (await scheduledRuns()).succeeded >= 2, { timeoutMs: 90_000, intervalMs: 250, description: 'scheduled runs' });
    expect(await first.stop('SIGTERM')).toBe(0);

    for (let restart = 0; restart < 2; restart++) {
      const before = (await scheduledRuns()).succeeded;
      const again = await start();
      try {
        await waitFor(async () => (await scheduledRuns()).succeeded >= before + 3, {
          timeoutMs: 90_000,
          intervalMs: 250,
          description: 'scheduled runs after the restart',
        });
      } finally {
        expect(await again.stop('SIGTERM')).toBe(0);
      }
    }
    expect((await scheduledRuns()).failed).toEqual([]);
    const refused = await db.sql<{ error: string }[]>`select error::text as error from run_attempts where error::text ilike '%signature%'`;
    expect(refused).toEqual([]);
  });
});
