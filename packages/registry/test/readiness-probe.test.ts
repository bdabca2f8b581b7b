import net from 'node:net';
import { PassThrough } from 'node:stream';
import {
  checkSecretsReadable,
  createDeployment,
  createKeyring,
  parseKeySpec,
  registerService,
  generateSecretKeySpec,
  type SecretKeyring,
} from '@interflow/registry';
import { createLogger, createReadinessProbe, createSqlClient, type Logger, type ReadinessCheck } from '@interflow/core';
import { migrationNames } from '@interflow/migrations';
import { createTestDatabase, freePort, type TestDatabase } from '@interflow/test-kit';

function keyring(...specs: string[]): SecretKeyring {
  const [active, ...others] = specs.map((spec) => {
    const key = parseKeySpec(spec);
    if (typeof key === 'string') throw new Error(key);
    return key;
  });
  if (!active) throw new Error('no key');
  return createKeyring(active, others);
}

function capturedLogger() {
  const stream = new PassThrough();
  const lines: Record<string, unknown>[] = [];
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  return { logger: createLogger({ service: 'test', stream }), lines };
}

describe('checkSecretsReadable', () => {
  let db: TestDatabase;
  const oldSpec = generateSecretKeySpec('old-key');
  const newSpec = generateSecretKeySpec('new-key');

  beforeAll(async () => {
    db = await createTestDatabase();
    const old = keyring(oldSpec);
    const { service } = await registerService(db.sql, old, { name: 'svc', baseUrl: 'http://127.0.0.1:1', methods: [] });
    for (const name of ['d1', 'd2']) {
      await createDeployment(db.sql, old, { name, serviceId: service.id, connection: {}, credentials: { api_key: 'x' } });
    }
  });
  afterAll(() => db.drop());

  it('is ok when the configured keys open every key id in use', async () => {
    expect(await checkSecretsReadable(db.sql, keyring(oldSpec))).toBe('ok');
    expect(await checkSecretsReadable(db.sql, keyring(newSpec, oldSpec))).toBe('ok');
  });

  it('names the key id that is missing and how many values it locks away', async () => {
    const reason = await checkSecretsReadable(db.sql, keyring(newSpec));
    expect(reason).toMatch(/^cannot open stored secrets: /);
    expect(reason).toBe(
      "cannot open stored secrets: key 'old-key' is not configured (INTERFLOW_SECRET_KEY / INTERFLOW_SECRET_KEY_SECONDARY)" +
        ' but seals 2 deployment credential(s) and 1 service signing secret(s)',
    );
  });

  it('says so when a different key is configured under the same id', async () => {
    const impostor = generateSecretKeySpec('old-key');
    expect(await checkSecretsReadable(db.sql, keyring(impostor))).toContain("the key configured as 'old-key' does not open what was sealed under that id");
  });
});

describe('createReadinessProbe', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());
  /** A probe of this file's migrated schema with `checks`, answering within 5 s, never draining. */
  const probeOnTestSchema = (checks: ReadinessCheck[], logger: Logger) =>
    createReadinessProbe({ sql: db.sql, expectedMigrations: migrationNames, checks, timeoutMs: 5000, draining: () => false, logger });

  it('is ready on a migrated schema whose own checks pass', async () => {
    const { logger } = capturedLogger();
    const probe = probeOnTestSchema([{ name: 'secrets', check: async () => 'ok' }], logger);
    expect(await probe()).toEqual({ ready: true, checks: { database: 'ok', migrations: 'ok', secrets: 'ok' } });
  });

  it('is not ready when its own check fails, and logs that at error level once, then the recovery', async () => {
    const { logger, lines } = capturedLogger();
    let result = 'cannot open stored secrets: because';
    const probe = probeOnTestSchema([{ name: 'secrets', check: async () => result }], logger);
    expect(await probe()).toMatchObject({ ready: false, checks: { secrets: 'cannot open stored secrets: because' } });
    await probe();
    result = 'ok';
    expect(await probe()).toMatchObject({ ready: true });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.filter((l) => l.level === 'error')).toEqual([
      expect.objectContaining({ message: 'not ready', check: 'secrets', reason: 'cannot open stored secrets: because' }),
    ]);
    expect(lines.some((l) => l.level === 'info' && l.check === 'secrets')).toBe(true);
  });

  it('logs a check that is a step of starting as a warning, not an error', async () => {
    const { logger, lines } = capturedLogger();
    let result = 'not registered yet';
    const probe = probeOnTestSchema([{ name: 'admin_token', check: async () => result, partOfStarting: true }], logger);
    expect(await probe()).toMatchObject({ ready: false, checks: { admin_token: 'not registered yet' } });
    result = 'ok';
    expect(await probe()).toMatchObject({ ready: true, checks: { admin_token: 'ok' } });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.filter((l) => l.check === 'admin_token').map((l) => [l.level, l.message])).toEqual([
      ['warn', 'not ready'],
      ['info', 'readiness check passes again'],
    ]);
  });

  it('answers within its timeout when the database accepts connections but never answers', async () => {
    const sockets = new Set<net.Socket>();
    const blackHole = net.createServer((socket) => sockets.add(socket));
    const port = await freePort();
    await new Promise<void>((resolve) => blackHole.listen(port, '127.0.0.1', resolve));
    const sql = createSqlClient({ url: `postgres://postgres@127.0.0.1:${port}/x`, schema: 'x', max: 1, connectTimeoutSeconds: 30 });
    try {
      const probe = createReadinessProbe({
        sql,
        expectedMigrations: migrationNames,
        checks: [{ name: 'secrets', check: async () => 'ok' }],
        timeoutMs: 300,
        draining: () => false,
        logger: capturedLogger().logger,
      });
      const [first, second] = await Promise.all([probe(), probe()]);
      expect(first).toEqual({
        ready: false,
        checks: { database: 'unreachable: no answer within 300 ms', migrations: 'unknown', secrets: 'unknown' },
      });
      expect(second).toEqual(first);
      // the two probes shared one attempt: one connection reached the server
      expect(sockets.size).toBe(1);
    } finally {
      for (const socket of sockets) socket.destroy();
      await sql.end({ timeout: 0 });
      blackHole.close();
    }
  });

  it('says draining without touching the database', async () => {
    const probe = createReadinessProbe({
      sql: createSqlClient({ url: 'postgres://postgres@127.0.0.1:1/x', schema: 'x', max: 1 }),
      expectedMigrations: migrationNames,
      timeoutMs: 300,
      draining: () => true,
      logger: capturedLogger().logger,
    });
    expect(await probe()).toMatchObject({ ready: false, draining: true });
  });
});
