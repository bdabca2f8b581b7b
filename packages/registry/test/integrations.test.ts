import crypto from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@interflow/test-kit';
import { createSilentLogger } from '@interflow/core';
import {
  completeRun,
  createAction,
  createDeployment,
  createKeyring,
  ensureRunForMessage,
  finishRunAttempt,
  getRun,
  listRunAttempts,
  loadActionContext,
  recordActionStates,
  registerService,
  rotateSecretKeys,
  sealedValuesByKey,
  startRunAttempt,
  type SecretKey,
} from '../src';

let db: TestDatabase;
const keyA: SecretKey = { id: 'key-a', key: crypto.randomBytes(32) };
const keyB: SecretKey = { id: 'key-b', key: crypto.randomBytes(32) };

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db.drop();
});

async function setup(name: string, keyring = createKeyring(keyA)) {
  const { service, signingSecret } = await registerService(db.sql, keyring, {
    name: `svc-${name}`,
    baseUrl: 'http://127.0.0.1:1',
    methods: [{ name: 'fetch', http_method: 'POST', path: '/fetch', description: null, input_schema: null }],
  });
  const deployment = await createDeployment(db.sql, keyring, {
    name: `dep-${name}`,
    serviceId: service.id,
    credentials: { password: `pw-${name}-0123456789` },
  });
  const { action } = await createAction(db.sql, { name: `act-${name}`, deploymentId: deployment.id, method: 'fetch' });
  return { service, signingSecret, deployment, action };
}

describe('secret key rotation', () => {
  it('re-encrypts every row under the new key, after which the old key is not needed', async () => {
    const made = await Promise.all(['r1', 'r2', 'r3'].map((n) => setup(n)));
    const rotating = createKeyring(keyB, [keyA]);
    const report = await rotateSecretKeys(db.sql, rotating, createSilentLogger());
    expect(report.deployments).toBeGreaterThanOrEqual(3);
    expect(report.services).toBeGreaterThanOrEqual(3);
    expect(Object.keys(await sealedValuesByKey(db.sql))).toEqual(['key-b']);

    const onlyB = createKeyring(keyB);
    for (const { action, signingSecret } of made) {
      const context = await loadActionContext(db.sql, onlyB, action.id);
      expect(context.deployment.credentials.password).toMatch(/^pw-r\d-0123456789$/);
      expect(context.service.signingSecret).toBe(signingSecret);
    }
    expect((await rotateSecretKeys(db.sql, onlyB, createSilentLogger())).deployments).toBe(0);
  });
});

describe('run recording (runner side)', () => {
  it('creates one run per message however often it is delivered, and records attempts', async () => {
    const { action } = await setup('runs', createKeyring(keyB));
    const message = { messageId: crypto.randomUUID(), actionId: action.id, input: { a: 1 }, trigger: 'schedule' as const, triggeredBy: 'schedule:x' };
    const first = await ensureRunForMessage(db.sql, message);
    const again = await ensureRunForMessage(db.sql, message);
    expect(again.id).toBe(first.id);

    const t0 = new Date();
    await startRunAttempt(db.sql, first.id, 1, t0);
    await finishRunAttempt(db.sql, first.id, 1, { finishedAt: new Date(t0.getTime() + 250), outcome: 'retrying', httpStatus: 503, error: { message: 'down' } });
    await startRunAttempt(db.sql, first.id, 2, new Date(t0.getTime() + 1000));
    await finishRunAttempt(db.sql, first.id, 2, { finishedAt: new Date(t0.getTime() + 1100), outcome: 'succeeded', httpStatus: 200, response: { ok: true } });
    const done = await completeRun(db.sql, first.id, { status: 'succeeded', finishedAt: new Date(t0.getTime() + 1100), response: { ok: true } });
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2, durationMs: 1100, response: { ok: true } });

    const late = await completeRun(db.sql, first.id, { status: 'failed', finishedAt: new Date(), error: { message: 'late' } });
    expect(late.status).toBe('succeeded');
    const attempts = await listRunAttempts(db.sql, first.id);
    expect(attempts.map((a) => [a.attempt, a.outcome, a.httpStatus, a.durationMs])).toEqual([
      [1, 'retrying', 503, 250],
      [2, 'succeeded', 200, 100],
    ]);
    expect((await getRun(db.sql, first.id)).status).toBe('succeeded');
  });
});

describe('action states', () => {
  it('says new, changed or seen per item and remembers', async () => {
    const { action } = await setup('states', createKeyring(keyB));
    const now = new Date();
    expect(
      await recordActionStates(db.sql, action.id, [{ fid: 'a', nonce: '1' }, { fid: 'b', nonce: '1' }, { nonce: 'x' }], now),
    ).toEqual(['new', 'new', 'new']);
    expect(
      await recordActionStates(db.sql, action.id, [{ fid: 'a', nonce: '1' }, { fid: 'b', nonce: '2' }, { nonce: 'x' }, { fid: 'c' }], now),
    ).toEqual(['seen', 'changed', 'seen', 'new']);
    expect(await recordActionStates(db.sql, action.id, [{ fid: 'b', nonce: '2' }], now)).toEqual(['seen']);
  });

  it('calls an item new exactly once when batches race', async () => {
    const { action } = await setup('race', createKeyring(keyB));
    const results = await Promise.all(
      Array.from({ length: 4 }, () => recordActionStates(db.sql, action.id, [{ fid: 'same', nonce: 'n' }], new Date())),
    );
    expect(results.flat().filter((v) => v === 'new')).toHaveLength(1);
  });
});
