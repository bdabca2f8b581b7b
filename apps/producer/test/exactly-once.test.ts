import { type PostgresBroker } from '@interflow/broker-postgres';
import { ManualClock, type Sql } from '@interflow/core';
import { type Schedule } from '@interflow/registry';
import { createTestDatabase, waitFor, type TestDatabase } from '@interflow/test-kit';
import {
  addSchedule,
  exchangeSpec,
  isoSeconds,
  publishedFireTimes,
  startTestProducer,
  type TestProducer,
} from './support/producers';

/**
 * Exactly once with several producers and none lost when one dies: the clock is the
 * test's, so an hour of per-second fires takes seconds.
 */
let db: TestDatabase;
const producers: TestProducer[] = [];

beforeAll(async () => {
  db = await createTestDatabase({ poolSize: 4 });
  const setup = startTestProducer(db, new ManualClock(Date.now()));
  await setup.broker.declareQueue({ name: 'fires' });
  await setup.close();
});

afterEach(async () => {
  for (const producer of producers.splice(0)) {
    await producer.scheduler.stop();
    await producer.close();
  }
  await db.sql`delete from schedules`;
  await db.sql`delete from mq_messages`;
});

afterAll(async () => {
  await db.drop();
});

function secondClock(): ManualClock {
  return new ManualClock(Math.floor(Date.now() / 1000) * 1000);
}

async function allCaughtUp(sql: Sql, clock: ManualClock): Promise<boolean> {
  const [row] = await sql<{ behind: number }[]>`
    select count(*)::int as behind from schedules where enabled and next_fire_at <= ${clock.now()}`;
  return row?.behind === 0;
}

/** Moves the clock in steps, waking the producers, until every schedule is past `until`. */
async function runUntil(clock: ManualClock, running: TestProducer[], stepMs: number, untilMs: number): Promise<void> {
  while (clock.now().getTime() < untilMs) {
    clock.advance(Math.min(stepMs, untilMs - clock.now().getTime()));
    running.forEach((p) => p.scheduler.wake());
    await waitFor(() => allCaughtUp(db.sql, clock), { description: `schedules to catch up at ${clock.now().toISOString()}` });
  }
}

const allSeconds = (count: number) => Array.from({ length: count }, (_, i) => i);

describe('exactly once', () => {
  it('three producers over a simulated hour publish every per-second fire exactly once', async () => {
    const clock = secondClock();
    const start = clock.now();
    const schedules: Schedule[] = [];
    for (let i = 0; i < 3; i++) schedules.push(await addSchedule(db.sql, clock, exchangeSpec(`per-second-${i}`)));
    // a one-hour grace: the clock jumps 30 s at a time and no fire may count as missed
    for (let i = 0; i < 3; i++) producers.push(startTestProducer(db, clock, { misfireGraceMs: 3_600_000, batchSize: 1 }));
    await Promise.all(producers.map((p) => p.scheduler.start()));

    await runUntil(clock, producers, 30_000, start.getTime() + 3_600_000);

    const expected = isoSeconds(start, allSeconds(3601));
    for (const schedule of schedules) {
      expect(await publishedFireTimes(db.sql, schedule.id)).toEqual(expected);
    }
    const [keys] = await db.sql<{ n: number }[]>`select count(*)::int as n from schedule_fires where outcome = 'published'`;
    expect(keys?.n).toBe(3 * 3601);
    const [last] = await db.sql<{ last_fired_at: Date; next_fire_at: Date }[]>`select last_fired_at, next_fire_at from schedules limit 1`;
    expect(last?.last_fired_at.toISOString()).toBe(expected[expected.length - 1]);
    expect(last?.next_fire_at.getTime()).toBe(start.getTime() + 3_601_000);
  });

  it('a producer that dies in the middle of a fire publishes nothing, and another publishes the fire once', async () => {
    const clock = secondClock();
    const start = clock.now();
    const schedule = await addSchedule(db.sql, clock, exchangeSpec('dies-mid-fire'));
    let dying = true;
    // This producer dies after it published and before its commit. It is simulated by a
    // failure inside the fire transaction (PostgreSQL then rolls back, exactly as when the
    // connection drops); terminating the backend instead trips a bug in the postgres
    // client (a write scheduled on a destroyed socket throws outside any promise).
    const doomed = startTestProducer(db, clock, { misfireGraceMs: 3_600_000 }, (broker: PostgresBroker) => ({
      locateMessages: (ids) => broker.locateMessages(ids),
      async publishWithin(tx, publications) {
        const receipts = await broker.publishWithin(tx, publications);
        if (dying) throw new Error('producer died before its commit');
        return receipts;
      },
    }));
    clock.advance(5000);
    await expect(doomed.scheduler.firePass()).rejects.toThrow();
    expect(await publishedFireTimes(db.sql, schedule.id)).toEqual([]);
    const [row] = await db.sql<{ next_fire_at: Date }[]>`select next_fire_at from schedules where id = ${schedule.id}`;
    expect(row?.next_fire_at.toISOString()).toBe(start.toISOString());
    dying = false;
    await doomed.close();

    const survivor = startTestProducer(db, clock, { misfireGraceMs: 3_600_000 });
    producers.push(survivor);
    await survivor.scheduler.firePass();
    expect(await publishedFireTimes(db.sql, schedule.id)).toEqual(isoSeconds(start, [0, 1, 2, 3, 4, 5]));
  });

  it('a producer killed between fires loses none: the others carry on from where it stopped', async () => {
    const clock = secondClock();
    const start = clock.now();
    const schedule = await addSchedule(db.sql, clock, exchangeSpec('killed-between-fires'));
    const first = startTestProducer(db, clock, { misfireGraceMs: 3_600_000 });
    const second = startTestProducer(db, clock, { misfireGraceMs: 3_600_000 });
    producers.push(second);
    await first.scheduler.start();
    await runUntil(clock, [first], 10_000, start.getTime() + 60_000);

    // killed: its pool is gone without a goodbye; the second producer starts afterwards
    await first.close();
    await first.scheduler.stop().catch(() => undefined);
    clock.advance(20_000);
    await second.scheduler.start();
    await runUntil(clock, [second], 10_000, start.getTime() + 120_000);

    expect(await publishedFireTimes(db.sql, schedule.id)).toEqual(isoSeconds(start, allSeconds(121)));
  });
});
