import crypto from 'node:crypto';
import { PostgresBroker } from '@interflow/broker-postgres';
import { createMetricsRegistry, createSilentLogger } from '@interflow/core';
import { createAction, createDeployment, createKeyring, findFreshResponse, parseKeySpec, registerService, storeCachedResponse } from '@interflow/registry';
import { createTestDatabase, type TestDatabase } from '@interflow/test-kit';
import { Housekeeping } from '../src/housekeeping';

/** Issue 10, item 5: cached responses past their TTL leave `response_cache` with the producer's pruning. */
describe('housekeeping prunes expired cached responses', () => {
  let db: TestDatabase;
  let broker: PostgresBroker;
  let actionId: string;

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 4 });
    broker = new PostgresBroker({ sql: db.sql, logger: createSilentLogger(), schema: db.schema });
    const key = parseKeySpec(`k1:${crypto.randomBytes(32).toString('base64')}`);
    if (typeof key === 'string') throw new Error(key);
    const keyring = createKeyring(key);
    const { service } = await registerService(
      db.sql,
      keyring,
      { name: 'svc', baseUrl: 'http://127.0.0.1:9', methods: [{ name: 'm', http_method: 'POST', path: '/m', description: null, input_schema: null }] },
      'signing-secret',
    );
    const deploymentId = (await createDeployment(db.sql, keyring, { name: 'dep', serviceId: service.id, connection: {}, credentials: {}, rateLimit: null, maxConcurrency: null })).id;
    actionId = (await createAction(db.sql, { name: 'act', deploymentId, method: 'm' })).action.id;
  });

  afterAll(async () => {
    await broker.close();
    await db.drop();
  });

  function housekeepingWith(pruneIntervalMs: number): Housekeeping {
    return new Housekeeping({
      sql: db.sql,
      broker,
      logger: createSilentLogger(),
      metrics: createMetricsRegistry(`response-cache-pruning-${crypto.randomUUID()}`),
      settings: { intervalMs: 50, pruneIntervalMs, fireKeyRetentionMs: 86_400_000, eventReplayWindowMs: 3_600_000, rateRetentionMs: 86_400_000, consumerSilenceMs: 600_000 },
    });
  }

  async function cachedInputHashes(): Promise<string[]> {
    const rows = await db.sql<{ input_hash: string }[]>`select input_hash from response_cache where action_id = ${actionId} order by input_hash`;
    return rows.map((row) => row.input_hash);
  }

  it('deletes the entries expired at the round, keeps the fresh ones, and counts them as pruned', async () => {
    const now = new Date();
    const stored = new Date(now.getTime() - 60_000);
    // 1,005 expired entries: more than one batch of the chore.
    await storeCachedResponse(db.sql, { actionId, inputHash: 'expired-0000', response: { i: 0 }, runId: null, ttlMs: 1000, now: stored });
    await db.sql`
      insert into response_cache (action_id, input_hash, response, stored_at, expires_at)
      select action_id, 'expired-' || lpad(i::text, 4, '0'), response, stored_at, expires_at
      from response_cache, generate_series(1, 1004) as i where input_hash = 'expired-0000'`;
    await storeCachedResponse(db.sql, { actionId, inputHash: 'fresh', response: { fresh: true }, runId: null, ttlMs: 3_600_000, now });

    const report = await housekeepingWith(60_000).runOnce(now.getTime());

    expect(report.pruned).toBeGreaterThanOrEqual(1005);
    expect(await cachedInputHashes()).toEqual(['fresh']);
    expect(await findFreshResponse(db.sql, actionId, 'fresh', now)).toMatchObject({ response: { fresh: true } });
  });

  it('leaves expired entries alone in a round where pruning is not due', async () => {
    const now = new Date();
    const housekeeping = housekeepingWith(3_600_000);
    await housekeeping.runOnce(now.getTime());
    await storeCachedResponse(db.sql, { actionId, inputHash: 'expired-later', response: {}, runId: null, ttlMs: 1, now: new Date(now.getTime() - 1000) });

    await housekeeping.runOnce(now.getTime() + 1000);
    expect(await cachedInputHashes()).toContain('expired-later');

    await housekeeping.runOnce(now.getTime() + 3_600_000);
    expect(await cachedInputHashes()).not.toContain('expired-later');
  });
});
