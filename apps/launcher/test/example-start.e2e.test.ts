import path from 'node:path';
import { createTestDatabase, freePort, startDaemon, waitFor, type TestDatabase } from '@interflow/test-kit';

const launcher = path.resolve(__dirname, '..', 'dist', 'main.js');

/**
 * `npm start` against a given database: the example connector and its fake API come up
 * beside the daemons, get registered, and the schedule makes real calls within a minute.
 */
describe('launcher with the example', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });

  afterAll(async () => {
    await db.drop();
  });

  it('is ready within a minute and the scheduled example action succeeds, then stops with 0', async () => {
    const [apiPort, producerPort, runnerPort, connectorPort, fakeApiPort] = await Promise.all(
      Array.from({ length: 5 }, () => freePort()),
    );
    const started = Date.now();
    const daemon = await startDaemon({
      script: launcher,
      env: {
        DATABASE_URL: db.url,
        DATABASE_SCHEMA: db.schema,
        PORT: String(apiPort),
        PRODUCER_HEALTH_PORT: String(producerPort),
        RUNNER_HEALTH_PORT: String(runnerPort),
        EXAMPLE_CONNECTOR_PORT: String(connectorPort),
        FAKE_ORDERS_API_PORT: String(fakeApiPort),
        HTTP_CONNECTOR_PORT: String(await freePort()),
        EXAMPLE_SCHEDULE_EVERY_MS: '2000',
      },
      readyUrl: `http://127.0.0.1:${apiPort}/readyz`,
      timeoutMs: 60_000,
    });
    try {
      const run = await waitFor(
        async () => {
          const rows = await db.sql<{ status: string; trigger: string; response: { new_orders?: unknown[] } }[]>`
            select r.status, r.trigger, r.response from runs r join actions a on a.id = r.action_id
            where a.name = 'example-new-orders' and r.status = 'succeeded' order by r.seq limit 1`;
          return rows[0];
        },
        { timeoutMs: 60_000, intervalMs: 250, description: 'a scheduled run of the example action to succeed' },
      );
      expect(run.trigger).toBe('schedule');
      expect(Array.isArray(run.response.new_orders)).toBe(true);
      expect(Date.now() - started).toBeLessThan(120_000);
      expect(daemon.logs.some((line) => line.message === 'example registered: the schedule runs it every few seconds')).toBe(true);
      // The built-in HTTP connector came up beside it and is registered, with its example deployment and action.
      await waitFor(() => daemon.logs.some((line) => line.message === 'http connector registered as the service `http`'), {
        description: 'the http connector to be registered',
      });
      const [service] = await db.sql<{ methods: { name: string }[] }[]>`select methods from services where name = 'http'`;
      expect(service?.methods.map((m) => m.name)).toEqual(['call']);
      const [action] = await db.sql`select id from actions where name = 'example-http-list-orders'`;
      expect(action).toBeDefined();
    } finally {
      expect(await daemon.stop('SIGTERM')).toBe(0);
    }
  });
});
