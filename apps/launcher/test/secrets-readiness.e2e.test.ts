import path from 'node:path';
import { createDeployment, createKeyring, generateSecretKeySpec, parseKeySpec, registerService } from '@interflow/registry';
import { createTestDatabase, freePort, startDaemon, waitFor, type TestDatabase } from '@interflow/test-kit';

const root = path.resolve(__dirname, '..', '..', '..');
const script = (app: string) => path.join(root, 'apps', app, 'dist', 'main.js');

/**
 * A key rotation done wrong: the daemons that open stored secrets (api, runner) are
 * started with a new key only, while everything stored is still sealed under the old
 * one. Readiness must say so (503 naming the key) and the daemon must log it at error
 * level; with the old key as INTERFLOW_SECRET_KEY_SECONDARY it is ready again.
 */
describe.each(['api', 'runner'])('%s with a key that cannot open the stored secrets', (app) => {
  let db: TestDatabase;
  const oldKey = generateSecretKeySpec('key-2025');
  const newKey = generateSecretKeySpec('key-2026');

  beforeAll(async () => {
    db = await createTestDatabase();
    const parsed = parseKeySpec(oldKey);
    if (typeof parsed === 'string') throw new Error(parsed);
    const keyring = createKeyring(parsed);
    const { service } = await registerService(db.sql, keyring, { name: 'bank', baseUrl: 'http://127.0.0.1:1', methods: [] });
    await createDeployment(db.sql, keyring, { name: 'bank-prod', serviceId: service.id, connection: {}, credentials: { password: 'p' } });
  });
  afterAll(() => db.drop());

  async function start(keys: Record<string, string>) {
    const port = await freePort();
    const daemon = await startDaemon({
      script: script(app),
      env: {
        DATABASE_URL: db.url,
        DATABASE_SCHEMA: db.schema,
        [app === 'api' ? 'PORT' : 'HEALTH_PORT']: String(port),
        LOG_LEVEL: 'info',
        ...keys,
      },
    });
    return { daemon, readyz: `http://127.0.0.1:${port}/readyz` };
  }

  it('answers /readyz 503 naming the missing key and logs an error, then 200 once the old key is configured', async () => {
    const wrong = await start({ INTERFLOW_SECRET_KEY: newKey });
    try {
      const body = await waitFor(async () => {
        const response = await fetch(wrong.readyz).catch(() => null);
        return response?.status === 503 ? ((await response.json()) as { checks: Record<string, string> }) : null;
      }, { description: 'readyz 503' });
      expect(body.checks).toMatchObject({ database: 'ok', migrations: 'ok' });
      expect(body.checks.secrets).toBe(
        "cannot open stored secrets: key 'key-2025' is not configured (INTERFLOW_SECRET_KEY / INTERFLOW_SECRET_KEY_SECONDARY)" +
          ' but seals 1 deployment credential(s) and 1 service signing secret(s)',
      );
      const logged = await waitFor(() => wrong.daemon.logs.find((line) => line.level === 'error' && line.check === 'secrets'), {
        description: 'an error log line about the secrets',
      });
      expect(logged.reason).toBe(body.checks.secrets);
    } finally {
      expect(await wrong.daemon.stop('SIGTERM')).toBe(0);
    }

    const rotating = await start({ INTERFLOW_SECRET_KEY: newKey, INTERFLOW_SECRET_KEY_SECONDARY: oldKey });
    try {
      await waitFor(async () => (await fetch(rotating.readyz).catch(() => null))?.status === 200, { description: 'readyz 200' });
      const body = (await (await fetch(rotating.readyz)).json()) as { checks: Record<string, string> };
      expect(body.checks).toEqual({ database: 'ok', migrations: 'ok', secrets: 'ok', ...(app === 'api' ? { admin_token: 'ok' } : { broker: 'ok' }) });
    } finally {
      expect(await rotating.daemon.stop('SIGTERM')).toBe(0);
    }
  });
});
