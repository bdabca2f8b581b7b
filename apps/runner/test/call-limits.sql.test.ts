import { createTestDatabase, type TestDatabase } from '@interflow/test-kit';
import { takeRateToken } from '../src/limits/take-rate-token';
import { releaseCallSlot, takeCallSlot } from '../src/limits/call-slots';
import { CallPermits, LimitWaitExceeded } from '../src/limits/call-permits';
import { deploymentPausesLeftMs, pauseDeployment } from '../src/limits/deployment-pause';

describe('deployment call limits in PostgreSQL', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 8 });
  });

  afterAll(async () => {
    await db.drop();
  });

  it('grants a full burst at once and no more, even to concurrent takers', async () => {
    const policy = { requests: 1, intervalMs: 60_000, burst: 4 };
    const results = await Promise.all(Array.from({ length: 12 }, () => takeRateToken(db.sql, 'dep-burst', policy)));
    expect(results.filter((r) => r.granted)).toHaveLength(4);
    const refused = results.find((r) => !r.granted);
    expect(refused).toBeDefined();
    if (refused && !refused.granted) expect(refused.retryInMs).toBeGreaterThan(1_000);
  });

  it('reads the pauses of several deployments in one statement, one answer per id in order', async () => {
    await pauseDeployment(db.sql, 'dep-paused', 60_000);
    const [paused, free, again] = await deploymentPausesLeftMs(db.sql, ['dep-paused', 'dep-free', 'dep-paused']);
    expect(paused).toBeGreaterThan(50_000);
    expect(paused).toBeLessThanOrEqual(60_000);
    expect(free).toBe(0);
    expect(again).toBe(paused);
    // A shorter pause does not shorten the one in place.
    await pauseDeployment(db.sql, 'dep-paused', 10);
    expect((await deploymentPausesLeftMs(db.sql, ['dep-paused']))[0]).toBeGreaterThan(50_000);
    expect(await deploymentPausesLeftMs(db.sql, [])).toEqual([]);
  });

  it('a call waits out a pause, read for calls made together in one statement', async () => {
    const permits = new CallPermits({ sql: db.sql, holderId: 'h-pause', maxWaitMs: 1_000 });
    await pauseDeployment(db.sql, 'dep-long-pause', 60_000);
    const signal = new AbortController().signal;
    const unlimited = { rate: null, maxConcurrency: null };
    const [free, refused] = await Promise.allSettled([
      permits.acquire('dep-no-pause', unlimited, 1_000, signal),
      permits.acquire('dep-long-pause', unlimited, 1_000, signal),
    ]);
    expect(free.status).toBe('fulfilled');
    expect(refused.status === 'rejected' && refused.reason).toBeInstanceOf(LimitWaitExceeded);
    expect(refused.status === 'rejected' && (refused.reason as LimitWaitExceeded).limit).toBe('pause');
  });

  it('refills from the database clock', async () => {
    const policy = { requests: 20, intervalMs: 1000, burst: 1 };
    expect((await takeRateToken(db.sql, 'dep-refill', policy)).granted).toBe(true);
    // Pretend the last take was a second ago: the bucket is full again.
    await db.sql`update deployment_rate_buckets set refilled_at = refilled_at - interval '1 second' where deployment_id = 'dep-refill'`;
    expect((await takeRateToken(db.sql, 'dep-refill', policy)).granted).toBe(true);
  });

  it('never hands out more call slots than the limit, and reuses freed and expired ones', async () => {
    const taken = await Promise.all(Array.from({ length: 10 }, (_, i) => takeCallSlot(db.sql, 'dep-slots', 3, `h${i}`, 60_000)));
    const slots = taken.filter((s): s is number => s !== null);
    expect(new Set(slots).size).toBe(slots.length);
    expect(slots.length).toBeLessThanOrEqual(3);
    const [held] = await db.sql<{ count: number }[]>`select count(*)::int as count from deployment_call_slots where deployment_id = 'dep-slots'`;
    expect(held?.count).toBe(slots.length);

    // Fill whatever the race left free, then nothing more fits.
    while ((await takeCallSlot(db.sql, 'dep-slots', 3, 'filler', 60_000)) !== null);
    expect(await takeCallSlot(db.sql, 'dep-slots', 3, 'late', 60_000)).toBeNull();

    const holder = taken.findIndex((s) => s !== null);
    const slot = taken[holder] ?? 0;
    await releaseCallSlot(db.sql, 'dep-slots', slot, 'someone-else');
    expect(await takeCallSlot(db.sql, 'dep-slots', 3, 'late', 60_000)).toBeNull();
    await releaseCallSlot(db.sql, 'dep-slots', slot, `h${holder}`);
    expect(await takeCallSlot(db.sql, 'dep-slots', 3, 'late', 60_000)).toBe(slot);

    await db.sql`update deployment_call_slots set expires_at = now() - interval '1 second' where deployment_id = 'dep-slots' and slot = 1`;
    expect(await takeCallSlot(db.sql, 'dep-slots', 3, 'after-expiry', 60_000)).toBe(1);
  });

  it('gives up with LimitWaitExceeded when the wait would exceed the budget', async () => {
    const waits: [string, string][] = [];
    const permits = new CallPermits({
      sql: db.sql,
      holderId: 'runner-a',
      maxWaitMs: 500,
      waits: { waited: (limit, outcome) => waits.push([limit, outcome]) },
    });
    const limits = { rate: { requests: 1, intervalMs: 60_000, burst: 1 }, maxConcurrency: 1 };
    const signal = new AbortController().signal;
    const first = await permits.acquire('dep-permits', limits, 5_000, signal);
    await expect(permits.acquire('dep-permits', limits, 5_000, signal)).rejects.toMatchObject({ limit: 'concurrency' });
    await first.release();
    const error = await permits.acquire('dep-permits', limits, 5_000, signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimitWaitExceeded);
    expect(error).toMatchObject({ limit: 'rate' });
    // The first call passed at once (no wait); the two refused ones are reported as waits given up.
    expect(waits).toEqual([
      ['concurrency', 'gave_up'],
      ['rate', 'gave_up'],
    ]);
    // The refused call gave its slot back.
    expect(await takeCallSlot(db.sql, 'dep-permits', 1, 'other', 1_000)).toBe(1);
  });
});
