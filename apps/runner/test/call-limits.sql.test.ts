import { createSilentLogger, createSqlClient, type Sql } from '@interflow/core';
import { createTestDatabase, waitFor, type TestDatabase } from '@interflow/test-kit';
import { takeRateToken } from '../src/limits/take-rate-token';
import { releaseCallSlot, takeCallSlot } from '../src/limits/call-slots';
import { CallPermits, LimitWaitExceeded } from '../src/limits/call-permits';
import { KnownPauses } from '../src/limits/known-pauses';

describe('deployment call limits in PostgreSQL', () => {
  let db: TestDatabase;
  /** A second runner's own connections (its own LISTEN connection among them). */
  let otherSql: Sql;
  const started: KnownPauses[] = [];

  const knownPauses = async (sql: Sql): Promise<KnownPauses> => {
    const pauses = new KnownPauses(sql, db.schema, createSilentLogger());
    await pauses.start();
    started.push(pauses);
    return pauses;
  };

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 8 });
    otherSql = createSqlClient({ url: db.url, schema: db.schema, max: 2 });
  });

  afterAll(async () => {
    for (const pauses of started) await pauses.stop();
    await otherSql.end({ timeout: 5 });
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

  it('a pause reaches every runner: the one that records it at once, another by notification, and a shorter one never shortens it', async () => {
    const here = await knownPauses(db.sql);
    const elsewhere = await knownPauses(otherSql);
    await here.pause('dep-paused', 60_000);
    expect(here.leftMs('dep-paused')).toBeGreaterThan(50_000);
    expect(here.leftMs('dep-paused')).toBeLessThanOrEqual(60_000);
    expect(here.leftMs('dep-free')).toBe(0);
    const heard = await waitFor(async () => elsewhere.leftMs('dep-paused') || null, { timeoutMs: 10_000, description: 'the other runner to hear of the pause' });
    expect(heard).toBeGreaterThan(50_000);
    expect(elsewhere.leftMs('dep-free')).toBe(0);

    await elsewhere.pause('dep-paused', 10);
    expect(elsewhere.leftMs('dep-paused')).toBeGreaterThan(50_000);
    const [row] = await db.sql<{ left_ms: number }[]>`
      select extract(epoch from until - clock_timestamp()) * 1000 as left_ms from deployment_pauses where deployment_id = 'dep-paused'`;
    expect(Number(row?.left_ms)).toBeGreaterThan(50_000);
  });

  it('a runner that starts listening learns of the pauses recorded before, and only of those still running', async () => {
    const first = await knownPauses(db.sql);
    await first.pause('dep-earlier', 60_000);
    await first.pause('dep-over', 1);
    await db.sql`update deployment_pauses set until = clock_timestamp() - interval '1 second' where deployment_id = 'dep-over'`;
    const late = new KnownPauses(otherSql, db.schema, createSilentLogger());
    expect(late.leftMs('dep-earlier')).toBe(0);
    await late.start();
    started.push(late);
    expect(late.leftMs('dep-earlier')).toBeGreaterThan(50_000);
    expect(late.leftMs('dep-over')).toBe(0);
  });

  it('a runner whose notifications stop arriving still learns of a pause, from the periodic reload', async () => {
    const pauses = await knownPauses(otherSql);
    // Written without a NOTIFY, as if the notification had been lost with a dead LISTEN connection.
    await db.sql`insert into deployment_pauses (deployment_id, until) values ('dep-unannounced', clock_timestamp() + interval '1 minute')`;
    const learned = await waitFor(async () => pauses.leftMs('dep-unannounced') || null, { timeoutMs: 10_000, description: 'the reload to find the pause' });
    expect(learned).toBeGreaterThan(50_000);
  });

  it('a call that took a concurrency slot sees the pause recorded before the slot was freed, without a notification', async () => {
    const deaf = new KnownPauses(otherSql, db.schema, createSilentLogger());
    const recorder = await knownPauses(db.sql);
    await recorder.pause('dep-slot-pause', 60_000);
    // Not started: it hears nothing, so what it knows came with the slot.
    const permits = new CallPermits({ sql: otherSql, holderId: 'h-slot-pause', maxWaitMs: 1_000, pauses: deaf });
    const refused = await permits
      .acquire('dep-slot-pause', { rate: null, maxConcurrency: 1 }, 1_000, new AbortController().signal)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LimitWaitExceeded);
    expect(refused).toMatchObject({ limit: 'pause' });
    expect(deaf.leftMs('dep-slot-pause')).toBeGreaterThan(50_000);
    // The refused call gave its slot back; the slot comes with the pause.
    const next = await takeCallSlot(db.sql, 'dep-slot-pause', 1, 'other', 1_000);
    expect(next?.slot).toBe(1);
    expect(next?.pauseLeftMs).toBeGreaterThan(50_000);
  });

  it('a call waits out a pause, or gives up when it is longer than the wait budget', async () => {
    const pauses = await knownPauses(db.sql);
    const permits = new CallPermits({ sql: db.sql, holderId: 'h-pause', maxWaitMs: 1_000, pauses });
    await permits.pause('dep-long-pause', 60_000);
    await permits.pause('dep-short-pause', 150);
    const signal = new AbortController().signal;
    const unlimited = { rate: null, maxConcurrency: null };
    const [free, refused] = await Promise.allSettled([
      permits.acquire('dep-no-pause', unlimited, 1_000, signal),
      permits.acquire('dep-long-pause', unlimited, 1_000, signal),
    ]);
    expect(free.status).toBe('fulfilled');
    expect(refused.status === 'rejected' && refused.reason).toBeInstanceOf(LimitWaitExceeded);
    expect(refused.status === 'rejected' && (refused.reason as LimitWaitExceeded).limit).toBe('pause');
    await permits.acquire('dep-short-pause', unlimited, 1_000, signal);
    // Let through only once the pause was over, on the database's clock too.
    const [row] = await db.sql<{ over: boolean }[]>`select until <= clock_timestamp() as over from deployment_pauses where deployment_id = 'dep-short-pause'`;
    expect(row?.over).toBe(true);
  });

  it('refills from the database clock', async () => {
    const policy = { requests: 20, intervalMs: 1000, burst: 1 };
    expect((await takeRateToken(db.sql, 'dep-refill', policy)).granted).toBe(true);
    // Pretend the last take was a second ago: the bucket is full again.
    await db.sql`update deployment_rate_buckets set refilled_at = refilled_at - interval '1 second' where deployment_id = 'dep-refill'`;
    expect((await takeRateToken(db.sql, 'dep-refill', policy)).granted).toBe(true);
  });

  it('never hands out more call slots than the limit, and reuses freed and expired ones', async () => {
    const taken = (await Promise.all(Array.from({ length: 10 }, (_, i) => takeCallSlot(db.sql, 'dep-slots', 3, `h${i}`, 60_000)))).map((t) => t?.slot ?? null);
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
    expect(await takeCallSlot(db.sql, 'dep-slots', 3, 'late', 60_000)).toEqual({ slot, pauseLeftMs: 0 });

    await db.sql`update deployment_call_slots set expires_at = now() - interval '1 second' where deployment_id = 'dep-slots' and slot = 1`;
    expect(await takeCallSlot(db.sql, 'dep-slots', 3, 'after-expiry', 60_000)).toMatchObject({ slot: 1 });
  });

  it('gives up with LimitWaitExceeded when the wait would exceed the budget', async () => {
    const waits: [string, string][] = [];
    const permits = new CallPermits({
      sql: db.sql,
      holderId: 'runner-a',
      maxWaitMs: 500,
      pauses: await knownPauses(db.sql),
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
    expect(await takeCallSlot(db.sql, 'dep-permits', 1, 'other', 1_000)).toEqual({ slot: 1, pauseLeftMs: 0 });
  });
});
