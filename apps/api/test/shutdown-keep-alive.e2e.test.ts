import crypto from 'node:crypto';
import path from 'node:path';
import { generateSecretKeySpec } from '@interflow/registry';
import {
  confirmsAfterClose,
  createTestDatabase,
  freePort,
  startDaemon,
  startKeepAlivePublishers,
  waitFor,
  type TestDatabase,
} from '@interflow/test-kit';

const API_SCRIPT = path.resolve(__dirname, '..', 'dist', 'main.js');

/**
 * SIGTERM to the api while clients publish back to back on keep-alive connections:
 * busy connections never go idle, so only answering them with `Connection: close` and
 * refusing new work lets the api drain. It must exit 0 within SHUTDOWN_GRACE_MS (an
 * overrun exits 1), confirm nothing on a connection it told to close, and every publish
 * it confirmed must be stored.
 */
describe('api SIGTERM with keep-alive publishers', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('drains the keep-alive connections and exits 0 within the grace period', async () => {
    const port = await freePort();
    const token = `if_admin_${crypto.randomBytes(24).toString('hex')}`;
    const apiUrl = `http://127.0.0.1:${port}`;
    const api = await startDaemon({
      script: API_SCRIPT,
      env: {
        DATABASE_URL: db.url,
        DATABASE_SCHEMA: db.schema,
        PORT: String(port),
        INTERFLOW_SECRET_KEY: generateSecretKeySpec('test'),
        INTERFLOW_ADMIN_TOKEN: token,
        SHUTDOWN_GRACE_MS: '10000',
        LOG_LEVEL: 'warn',
      },
      readyUrl: `${apiUrl}/readyz`,
    });
    await waitFor(async () => {
      const declared = await fetch(`${apiUrl}/v1/queues`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'keepalive' }),
      });
      return declared.status === 201 || declared.status === 200;
    }, { description: 'the queue declared (the bootstrap token is stored just after start)' });

    const publishers = startKeepAlivePublishers({ apiUrl, token, queue: 'keepalive', clients: 8 });
    try {
      await waitFor(() => publishers.outcomes.length === 8 && publishers.outcomes.every((o) => o.filter((x) => x.status === 201).length >= 10), {
        description: 'every publisher to have published on its connection',
      });
      publishers.signalSent();
      const code = await api.stop('SIGTERM');
      await publishers.stopped;

      expect(code).toBe(0);
      for (const outcomes of publishers.outcomes) {
        expect(confirmsAfterClose(outcomes)).toBe(0);
        // the connection ended: told to close, or refused / reset once the server closed
        const last = outcomes[outcomes.length - 1];
        expect(outcomes.some((o) => o.closing) || last?.error !== undefined).toBe(true);
        expect(outcomes.every((o) => o.status === null || o.status === 201 || o.status === 503)).toBe(true);
      }
      const [stored] = await db.sql<{ n: number }[]>`select count(*)::int as n from mq_messages where queue = 'keepalive'`;
      expect(stored?.n).toBe(publishers.confirmed());
      expect(api.logs.some((line) => line.message === 'shutdown exceeded its grace period; exiting')).toBe(false);
    } finally {
      publishers.stop();
      await api.stop('SIGKILL');
    }
  });
});
