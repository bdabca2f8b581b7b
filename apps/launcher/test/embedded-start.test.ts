import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { freePort, startDaemon, waitFor, type DaemonProcess } from '@interflow/test-kit';

/**
 * `npm start` with no DATABASE_URL: an embedded PostgreSQL under DATA_DIR, migrations,
 * every daemon; SIGTERM stops all of it and leaves no process behind; the data survives.
 */
const launcher = path.resolve(__dirname, '..', 'dist', 'main.js');

function processesUsing(dataDir: string): string[] {
  const listing = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return listing.split('\n').filter((line) => line.includes(dataDir) && !line.includes('ps -eo'));
}

describe('launcher without DATABASE_URL', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'interflow-launcher-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  async function start(): Promise<{ daemon: DaemonProcess; databasePort: number }> {
    const [databasePort, apiPort, producerPort, runnerPort, connectorPort, fakeApiPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    const env: Record<string, string> = {
      DATA_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(databasePort),
      PORT: String(apiPort),
      PRODUCER_HEALTH_PORT: String(producerPort),
      RUNNER_HEALTH_PORT: String(runnerPort),
      EXAMPLE_CONNECTOR_PORT: String(connectorPort),
      FAKE_ORDERS_API_PORT: String(fakeApiPort),
      HTTP_CONNECTOR_PORT: String(await freePort()),
    };
    const daemon = await startDaemon({
      script: launcher,
      env,
      readyUrl: `http://127.0.0.1:${apiPort}/readyz`,
      timeoutMs: 120_000,
    });
    for (const port of [producerPort, runnerPort]) {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status === 200, {
        timeoutMs: 60_000,
        description: `the daemon on port ${port} to be ready`,
      });
    }
    return { daemon, databasePort };
  }

  it('starts everything on an embedded server, stops cleanly, and keeps the data', async () => {
    const first = await start();
    const url = `postgres://postgres:postgres@127.0.0.1:${first.databasePort}/interflow`;
    const sql = postgres(url, { max: 1, onnotice: () => undefined });
    await sql`insert into interflow.settings (key, value) values ('launcher-test', '"kept"')`;
    await sql.end();
    expect(await first.daemon.stop('SIGTERM')).toBe(0);
    expect(processesUsing(dataDir)).toEqual([]);

    const second = await start();
    const again = postgres(`postgres://postgres:postgres@127.0.0.1:${second.databasePort}/interflow`, {
      max: 1,
      onnotice: () => undefined,
    });
    const rows = await again`select value from interflow.settings where key = 'launcher-test'`;
    await again.end();
    expect(rows[0]?.value).toBe('kept');
    expect(await second.daemon.stop('SIGTERM')).toBe(0);
    expect(processesUsing(dataDir)).toEqual([]);
  });
});
