import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSqlClient, type Sql } from '@interflow/core';
import { ensureDatabase } from '@interflow/local-postgres';
import { freePort, PrivatePostgres, startDaemon, waitFor, type DaemonProcess } from '@interflow/test-kit';

const launcher = path.resolve(__dirname, '..', 'dist', 'main.js');
const schema = 'restart_e2e';

/**
 * The whole system through a database restart: api, producer, runner, the example
 * connector and its schedule run against a PostgreSQL server of their own, which is
 * stopped and started again under them. No daemon may exit (the launcher stops everything
 * when one does), scheduled runs go on succeeding afterwards, and none of them fails.
 */
describe('every daemon through a database restart', () => {
  let server: PrivatePostgres;
  let url: string;
  let sql: Sql;
  let system: DaemonProcess;

  beforeAll(async () => {
    server = new PrivatePostgres(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'interflow-restart-')), 'data'), await freePort());
    await server.start();
    url = await ensureDatabase(server.url, 'interflow');
    const [apiPort, producerPort, runnerPort, connectorPort, fakeApiPort] = await Promise.all(Array.from({ length: 5 }, () => freePort()));
    system = await startDaemon({
      script: launcher,
      env: {
        DATABASE_URL: url,
        DATABASE_SCHEMA: schema,
        DATA_DIR: path.dirname(server.dataDir),
        PORT: String(apiPort),
        PRODUCER_HEALTH_PORT: String(producerPort),
        RUNNER_HEALTH_PORT: String(runnerPort),
        EXAMPLE_CONNECTOR_PORT: String(connectorPort),
        FAKE_ORDERS_API_PORT: String(fakeApiPort),
        HTTP_CONNECTOR_PORT: String(await freePort()),
        EXAMPLE_SCHEDULE_EVERY_MS: '1000',
      },
      readyUrl: `http://127.0.0.1:${apiPort}/readyz`,
      timeoutMs: 90_000,
    });
    sql = createSqlClient({ url, schema, max: 2 });
  });

  afterAll(async () => {
    await system?.stop('SIGTERM');
    await sql?.end({ timeout: 1 });
    await server?.stop();
    fs.rmSync(path.dirname(server.dataDir), { recursive: true, force: true });
  });

  async function succeededRuns(): Promise<number> {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from runs where status = 'succeeded' and trigger = 'schedule'`;
    return row?.n ?? 0;
  }

  it('keeps running, and scheduled runs succeed again after PostgreSQL restarts', async () => {
    await waitFor(async () => (await succeededRuns()) >= 2, { timeoutMs: 90_000, description: 'scheduled runs before the restart' });

    await server.stop();
    await server.start();

    const before = await waitFor(async () => succeededRuns(), { timeoutMs: 30_000, description: 'the database to answer again' });
    await waitFor(async () => (await succeededRuns()) >= before + 3, {
      timeoutMs: 90_000,
      description: 'scheduled runs to succeed after the restart',
    });
    expect(system.child.exitCode).toBeNull();

    const failed = await sql<{ n: number }[]>`select count(*)::int as n from runs where status = 'failed'`;
    expect(failed[0]?.n).toBe(0);
    expect(await system.stop('SIGTERM')).toBe(0);
  });
});
