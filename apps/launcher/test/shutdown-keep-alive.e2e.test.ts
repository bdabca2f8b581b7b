import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { confirmsAfterClose, freePort, startDaemon, startKeepAlivePublishers, waitFor } from '@interflow/test-kit';

const launcher = path.resolve(__dirname, '..', 'dist', 'main.js');

function processesUsing(dataDir: string): string[] {
  const listing = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return listing.split('\n').filter((line) => line.includes(dataDir) && !line.includes('ps -eo'));
}

/**
 * `npm start` (embedded PostgreSQL) stopped with SIGTERM while clients publish on
 * keep-alive connections: api, producer, runner, the launcher and the embedded server
 * all end. The launcher exits 0 only when every daemon exited 0, which a daemon
 * overrunning its share of SHUTDOWN_GRACE_MS does not (it exits 1, or is killed).
 */
describe('npm start SIGTERM with keep-alive publishers', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'interflow-keepalive-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('stops every process within the grace period and exits 0', async () => {
    const [databasePort, apiPort, producerPort, runnerPort] = await Promise.all(Array.from({ length: 4 }, () => freePort()));
    const token = `if_admin_${crypto.randomBytes(24).toString('hex')}`;
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const system = await startDaemon({
      script: launcher,
      env: {
        DATA_DIR: dataDir,
        EMBEDDED_POSTGRES_PORT: String(databasePort),
        PORT: String(apiPort),
        PRODUCER_HEALTH_PORT: String(producerPort),
        RUNNER_HEALTH_PORT: String(runnerPort),
        EXAMPLE: 'false',
        INTERFLOW_ADMIN_TOKEN: token,
        SHUTDOWN_GRACE_MS: '12000',
        LOG_LEVEL: 'warn',
      },
      readyUrl: `${apiUrl}/readyz`,
      timeoutMs: 120_000,
    });
    const publishers = startKeepAlivePublishers({ apiUrl, token, queue: 'keepalive', clients: 8 });
    try {
      await waitFor(async () => {
        const declared = await fetch(`${apiUrl}/v1/queues`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'keepalive' }),
        });
        return declared.status === 201 || declared.status === 200;
      }, { description: 'the queue declared' });
      await waitFor(() => publishers.outcomes.length === 8 && publishers.outcomes.every((o) => o.some((x) => x.status === 201)), {
        description: 'every publisher to have published',
        timeoutMs: 60_000,
      });
      publishers.signalSent();
      const code = await system.stop('SIGTERM');
      await publishers.stopped;

      expect(code).toBe(0);
      expect(system.logs.some((line) => line.message === 'daemon did not stop cleanly')).toBe(false);
      expect(processesUsing(dataDir)).toEqual([]);
      for (const outcomes of publishers.outcomes) expect(confirmsAfterClose(outcomes)).toBe(0);
    } finally {
      publishers.stop();
      await system.stop('SIGKILL');
    }
  });
});
