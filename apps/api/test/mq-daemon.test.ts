import path from 'node:path';
import { generateSecretKeySpec } from '@interflow/registry';
import { createApiToken } from '../src/access/api-tokens';
import { createTestDatabase, freePort, startDaemon, type TestDatabase } from '@interflow/test-kit';

const script = path.resolve(__dirname, '..', 'dist', 'main.js');

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db.drop();
});

describe('the api daemon with its broker', () => {
  it('publishes through the built daemon and still exits 0 on SIGTERM, closing the broker and open event streams cleanly', async () => {
    const { secret } = await createApiToken(db.sql, { name: 'daemon test', role: 'operator', deploymentScopes: null });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const daemon = await startDaemon({
      script,
      env: {
        DATABASE_URL: db.url,
        DATABASE_SCHEMA: db.schema,
        PORT: String(port),
        LOG_LEVEL: 'info',
        INTERFLOW_SECRET_KEY: generateSecretKeySpec('test'),
      },
      readyUrl: `${base}/readyz`,
    });
    let streamEnded: Promise<boolean> = Promise.resolve(false);
    const headers = { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' };
    try {
      const declared = await fetch(`${base}/v1/queues`, { method: 'POST', headers, body: JSON.stringify({ name: 'daemon.work' }) });
      expect(declared.status).toBe(201);
      const published = await fetch(`${base}/v1/queues/daemon.work/publish`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ payload: { hello: 'daemon' } }),
      });
      expect(published.status).toBe(201);
      const stats = await fetch(`${base}/v1/queues/daemon.work/stats`, { headers });
      expect(await stats.json()).toMatchObject({ queue: 'daemon.work', ready: 1 });
      // An open event stream must not keep the server from closing on SIGTERM.
      const stream = await fetch(`${base}/v1/events`, { headers: { Authorization: `Bearer ${secret}` } });
      expect(stream.headers.get('content-type')).toContain('text/event-stream');
      streamEnded = stream.body ? stream.text().then(() => true, () => true) : Promise.resolve(true);
    } finally {
      expect(await daemon.stop('SIGTERM')).toBe(0);
    }
    expect(await streamEnded).toBe(true);
    expect(daemon.logs.some((line) => line.message === 'shutdown step failed')).toBe(false);
    expect(daemon.logs.some((line) => line.message === 'stopped')).toBe(true);
    const [row] = await db.sql<{ count: number }[]>`select count(*)::int as count from mq_messages where queue = 'daemon.work'`;
    expect(row?.count).toBe(1);
  });
});
