import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, PrivatePostgres, startDaemon, waitFor } from '@interflow/test-kit';

const launcher = path.resolve(__dirname, '..', 'dist', 'main.js');

/**
 * `npm start` while a PostgreSQL server still runs on its data directory (a previous
 * start still stopping): it waits for the directory to be free and then starts; if the
 * server does not go away within EMBEDDED_POSTGRES_WAIT_MS it fails with one line that
 * says what is in the way, never "undefined".
 */
describe('npm start while the data directory is still in use', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'interflow-busy-'));
  let holder: PrivatePostgres;

  beforeAll(async () => {
    holder = new PrivatePostgres(path.join(dataDir, 'postgres'), await freePort());
  });
  afterAll(async () => {
    await holder.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function launcherEnv(waitMs: number) {
    const [databasePort, apiPort, producerPort, runnerPort] = await Promise.all(Array.from({ length: 4 }, () => freePort()));
    return {
      apiPort,
      env: {
        DATA_DIR: dataDir,
        EMBEDDED_POSTGRES_PORT: String(databasePort),
        EMBEDDED_POSTGRES_WAIT_MS: String(waitMs),
        PORT: String(apiPort),
        PRODUCER_HEALTH_PORT: String(producerPort),
        RUNNER_HEALTH_PORT: String(runnerPort),
        EXAMPLE: 'false',
      },
    };
  }

  it('fails plainly, naming the process in the way, when it does not stop in time', async () => {
    await holder.start();
    const { env } = await launcherEnv(1000);
    const system = await startDaemon({ script: launcher, env });
    expect(await system.exited).toBe(1);
    const stderr = system.stderr.join('');
    const failure = JSON.parse(stderr.trim().split('\n').pop() ?? '{}') as { message?: string; error?: { message?: string; name?: string } };
    expect(failure.message).toBe('failed');
    expect(failure.error?.name).toBe('DataDirectoryInUseError');
    expect(failure.error?.message).toMatch(/still in use by PostgreSQL process \d+/);
    expect(failure.error?.message).toContain(path.join(dataDir, 'postgres'));
    expect(stderr).not.toContain('undefined');
    await holder.stop();
  });

  it('waits for a PostgreSQL still running on the directory to stop, then starts', async () => {
    await holder.start();
    const { env, apiPort } = await launcherEnv(120_000);
    const system = await startDaemon({ script: launcher, env });
    try {
      await waitFor(() => system.logs.some((line) => line.message === 'the data directory is still in use by PostgreSQL; waiting for it to stop'), {
        description: 'the launcher to say it waits',
        timeoutMs: 60_000,
      });
      await holder.stop();
      await waitFor(async () => (await fetch(`http://127.0.0.1:${apiPort}/readyz`).catch(() => null))?.status === 200, {
        description: 'the system to be ready once the directory is free',
        timeoutMs: 120_000,
      });
    } finally {
      expect(await system.stop('SIGTERM')).toBe(0);
    }
  });
});
