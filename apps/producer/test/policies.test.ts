import crypto from 'node:crypto';
import { createMetricsRegistry, createSilentLogger, ManualClock } from '@interflow/core';
import {
  parseRunRequest,
  createAction,
  createDeployment,
  createKeyring,
  deleteSchedule,
  registerService,
  updateSchedule,
  type Schedule,
} from '@interflow/registry';
import { createTestDatabase, waitFor, type TestDatabase } from '@interflow/test-kit';
import { Housekeeping } from '../src/housekeeping';
import {
  addSchedule,
  exchangeSpec,
  isoSeconds,
  publishedFireTimes,
  startTestProducer,
  TEST_RUN_REQUEST_KEYS,
  type TestProducer,
} from './support/producers';

/**
 * Missed-fire and overlap policies, pausing, failing targets and action targets, each
 * driven by a clock the test moves. The clock starts in the recent past so published
 * messages are visible to consumers (the broker compares with the database's time).
 */
let db: TestDatabase;
let producer: TestProducer;
let clock: ManualClock;

beforeAll(async () => {
  db = await createTestDatabase({ poolSize: 4 });
  const setup = startTestProducer(db, new ManualClock(Date.now()));
  await setup.broker.declareQueue({ name: 'fires' });
  await setup.close();
});

beforeEach(() => {
  clock = new ManualClock(Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000);
  producer = startTestProducer(db, clock, { misfireGraceMs: 5000 });
});

afterEach(async () => {
  await producer.scheduler.stop();
  await producer.close();
  await db.sql`delete from schedules`;
  await db.sql`delete from mq_messages`;
});

afterAll(async () => {
  await db.drop();
});

async function outcomes(schedule: Schedule): Promise<string[]> {
  const rows = await db.sql<{ fire_time: Date; outcome: string }[]>`
    select fire_time, outcome from schedule_fires where schedule_id = ${schedule.id} order by fire_time`;
  return rows.map((row) => `${(row.fire_time.getTime() - (schedule.nextFireAt?.getTime() ?? 0)) / 1000}:${row.outcome}`);
}

async function ackAll(queue: string): Promise<number> {
  const deliveries = await producer.broker.claim(queue, { max: 100 });
  await producer.broker.ack(deliveries.map((d) => ({ messageId: d.messageId, deliveryToken: d.deliveryToken })));
  return deliveries.length;
}

const everyTenSeconds = { type: 'cron', expression: '*/10 * * * * *', timezone: 'UTC' } as const;

describe('missed-fire policies', () => {
  it('skip, run_once and backfill treat fires from a downtime as documented', async () => {
    const start = clock.now();
    const skip = await addSchedule(db.sql, clock, exchangeSpec('skip', { rule: everyTenSeconds }));
    const runOnce = await addSchedule(db.sql, clock, exchangeSpec('run-once', { rule: everyTenSeconds, missedFirePolicy: { kind: 'run_once' } }));
    const backfill = await addSchedule(db.sql, clock, exchangeSpec('backfill', { rule: everyTenSeconds, missedFirePolicy: { kind: 'backfill', limit: 3 } }));

    // 100 s of downtime: fires 0..90 are older than the 5 s grace, 100 is on time
    clock.advance(100_000);
    const pass = await producer.scheduler.firePass();
    expect(pass.missed).toBe(10 + 9 + 7);
    expect(await publishedFireTimes(db.sql, skip.id)).toEqual(isoSeconds(start, [100]));
    expect(await publishedFireTimes(db.sql, runOnce.id)).toEqual(isoSeconds(start, [90, 100]));
    expect(await publishedFireTimes(db.sql, backfill.id)).toEqual(isoSeconds(start, [70, 80, 90, 100]));
    const [row] = await db.sql<{ next_fire_at: Date; last_fired_at: Date }[]>`select next_fire_at, last_fired_at from schedules where id = ${skip.id}`;
    expect(row?.next_fire_at.getTime()).toBe(start.getTime() + 110_000);
    expect(row?.last_fired_at.getTime()).toBe(start.getTime() + 100_000);
  });
});

describe('windows', () => {
  it('an interval schedule with an end fires only inside its window, then has no next fire', async () => {
    const start = clock.now();
    const schedule = await addSchedule(db.sql, clock, exchangeSpec('windowed', {
      rule: { type: 'interval', everyMs: 2000 },
      startAt: new Date(start.getTime() + 1000),
      endAt: new Date(start.getTime() + 7000),
    }));
    clock.advance(4000);
    await producer.scheduler.firePass();
    clock.advance(6000);
    await producer.scheduler.firePass();
    expect(await publishedFireTimes(db.sql, schedule.id)).toEqual(isoSeconds(start, [1, 3, 5]));
    const [row] = await db.sql<{ next_fire_at: Date | null }[]>`select next_fire_at from schedules where id = ${schedule.id}`;
    expect(row?.next_fire_at).toBeNull();
  });
});

describe('overlap policies', () => {
  it('skip: a fire is dropped while the previous fire\'s message is unfinished', async () => {
    const schedule = await addSchedule(db.sql, clock, exchangeSpec('overlap-skip', { rule: everyTenSeconds, overlapPolicy: 'skip' }));
    await producer.scheduler.firePass();
    clock.advance(10_000);
    await producer.scheduler.firePass();
    expect(await ackAll('fires')).toBe(1);
    clock.advance(10_000);
    await producer.scheduler.firePass();
    expect(await outcomes(schedule)).toEqual(['0:published', '10:skipped_overlap', '20:published']);
  });

  it('buffer_one: one fire waits for the previous to finish, further ones are dropped', async () => {
    const schedule = await addSchedule(db.sql, clock, exchangeSpec('overlap-buffer', { rule: everyTenSeconds, overlapPolicy: 'buffer_one' }));
    const start = clock.now();
    await producer.scheduler.firePass();
    clock.advance(10_000);
    await producer.scheduler.firePass();
    clock.advance(10_000);
    await producer.scheduler.firePass();
    const [held] = await db.sql<{ buffered_fire_at: Date }[]>`select buffered_fire_at from schedules where id = ${schedule.id}`;
    expect(held?.buffered_fire_at.getTime()).toBe(start.getTime() + 10_000);
    expect(await publishedFireTimes(db.sql, schedule.id)).toEqual(isoSeconds(start, [0]));

    expect(await ackAll('fires')).toBe(1);
    await producer.scheduler.firePass(); // no fire is due: the buffered one is released
    expect(await publishedFireTimes(db.sql, schedule.id)).toEqual(isoSeconds(start, [10]));
    expect(await outcomes(schedule)).toEqual(['0:published', '10:published', '20:skipped_overlap']);
  });

  it('allow: fires publish whether or not the previous finished', async () => {
    const schedule = await addSchedule(db.sql, clock, exchangeSpec('overlap-allow', { rule: everyTenSeconds }));
    await producer.scheduler.firePass();
    clock.advance(10_000);
    await producer.scheduler.firePass();
    expect(await outcomes(schedule)).toEqual(['0:published', '10:published']);
    await deleteSchedule(db.sql, schedule.id);
    expect(await outcomes(schedule)).toEqual([]);
  });
});

describe('pausing and changes', () => {
  it('a paused schedule does not fire; resumed, it fires from now on', async () => {
    const start = clock.now();
    const schedule = await addSchedule(db.sql, clock, exchangeSpec('pausable'));
    clock.advance(2000);
    await producer.scheduler.firePass();
    await updateSchedule(db.sql, schedule.id, { ...exchangeSpec('pausable'), enabled: false }, clock.now());
    clock.advance(30_000);
    await producer.scheduler.firePass();
    expect(await publishedFireTimes(db.sql, schedule.id)).toEqual(isoSeconds(start, [0, 1, 2]));

    await updateSchedule(db.sql, schedule.id, exchangeSpec('pausable'), clock.now());
    clock.advance(1000);
    await producer.scheduler.firePass();
    expect(await publishedFireTimes(db.sql, schedule.id)).toEqual(isoSeconds(start, [0, 1, 2, 32, 33]));
  });

  it('a running producer fires a new schedule at once, woken by the api\'s notification', async () => {
    const idle = startTestProducer(db, clock, { idleWakeMs: 600_000 });
    try {
      await idle.scheduler.start();
      await waitFor(() => idle.scheduler.sleeping, { description: 'the producer to go to sleep' });
      const schedule = await addSchedule(db.sql, clock, exchangeSpec('announced', { rule: { type: 'interval', everyMs: 60_000 } }));
      await waitFor(async () => (await publishedFireTimes(db.sql, schedule.id)).length === 1, {
        timeoutMs: 20_000,
        description: 'the new schedule to fire without waiting for the idle timer',
      });
    } finally {
      await idle.scheduler.stop();
      await idle.close();
    }
  });

  it('a schedule whose target fails is parked with its error while the others fire', async () => {
    const start = clock.now();
    const broken = await addSchedule(db.sql, clock, exchangeSpec('broken', {
      target: { type: 'exchange', exchange: 'no-such-exchange', routingKey: 'x', headers: {}, payload: {} },
    }));
    const healthy = await addSchedule(db.sql, clock, exchangeSpec('healthy'));
    await producer.scheduler.firePass();
    expect(await publishedFireTimes(db.sql, healthy.id)).toEqual(isoSeconds(start, [0]));
    const [row] = await db.sql<{ last_error: string; retry_at: Date; next_fire_at: Date }[]>`
      select last_error, retry_at, next_fire_at from schedules where id = ${broken.id}`;
    expect(row?.last_error).toContain('no-such-exchange');
    expect(row?.next_fire_at.getTime()).toBe(start.getTime());
    expect(row?.retry_at.getTime()).toBeGreaterThan(start.getTime());

    const orphan = await addSchedule(db.sql, clock, exchangeSpec('deleted-action', {
      target: { type: 'action', actionId: '00000000-0000-4000-8000-00000000dead', input: {} },
    }));
    clock.advance(1000);
    await producer.scheduler.firePass();
    expect(await publishedFireTimes(db.sql, healthy.id)).toEqual(isoSeconds(start, [0, 1]));
    const [parked] = await db.sql<{ last_error: string }[]>`select last_error from schedules where id = ${orphan.id}`;
    expect(parked?.last_error).toContain("action '00000000-0000-4000-8000-00000000dead' does not exist");
  });
});

describe('targets and TTL', () => {
  it('an action target publishes a run request to the action\'s queue', async () => {
    const keyring = createKeyring({ id: 'k1', key: crypto.randomBytes(32) });
    const { service } = await registerService(db.sql, keyring, {
      name: 'svc',
      baseUrl: 'http://127.0.0.1:1',
      methods: [{ name: 'fetch', http_method: 'POST', path: '/fetch', description: null, input_schema: null }],
    });
    const deployment = await createDeployment(db.sql, keyring, { name: 'dep', serviceId: service.id, credentials: {} });
    const { action } = await createAction(db.sql, { name: 'act', deploymentId: deployment.id, method: 'fetch', queue: 'scheduled-actions' });
    await producer.broker.declareQueue({ name: 'scheduled-actions' });
    const schedule = await addSchedule(db.sql, clock, exchangeSpec('runs-action', {
      target: { type: 'action', actionId: action.id, input: { page: 1 } },
    }));
    await producer.scheduler.firePass();
    const [delivery] = await producer.broker.claim('scheduled-actions', { max: 1 });
    if (!delivery) throw new Error('the fire published nothing');
    // a run request the runner accepts: signed, its trigger named
    expect(parseRunRequest(delivery, TEST_RUN_REQUEST_KEYS)).toMatchObject({ actionId: action.id, runId: null, input: { page: 1 }, trigger: 'schedule' });
    expect(delivery.headers).toMatchObject({ 'x-action-id': action.id, 'x-schedule-id': schedule.id });
  });

  it('a fire nobody starts expires by its TTL', async () => {
    await producer.broker.declareQueue({ name: 'ttl-fires.dead' });
    await producer.broker.declareQueue({ name: 'ttl-fires', policy: { deadLetterQueue: 'ttl-fires.dead' } });
    const realTime = new ManualClock(Math.floor(Date.now() / 1000) * 1000);
    const timed = startTestProducer(db, realTime);
    const housekeeping = new Housekeeping({
      sql: db.sql,
      broker: producer.broker,
      logger: createSilentLogger(),
      metrics: createMetricsRegistry('housekeeping-test'),
      settings: { intervalMs: 50, pruneIntervalMs: 60_000, fireKeyRetentionMs: 86_400_000, eventReplayWindowMs: 3_600_000, rateRetentionMs: 86_400_000, consumerSilenceMs: 600_000 },
    });
    try {
      const schedule = await addSchedule(db.sql, realTime, exchangeSpec('expiring', {
        rule: { type: 'once', at: realTime.now() },
        ttlMs: 500,
        target: { type: 'exchange', exchange: '', routingKey: 'ttl-fires', headers: {}, payload: { expires: true } },
      }));
      await timed.scheduler.firePass();
      expect(await publishedFireTimes(db.sql, schedule.id)).toHaveLength(1);
      housekeeping.start();
      await waitFor(async () => (await producer.broker.queueStats('ttl-fires')).ready === 0, { description: 'the fire to expire' });
      const [dead] = await producer.broker.peek('ttl-fires.dead', { limit: 1 });
      expect(dead?.payload).toEqual({ expires: true });
      expect(dead?.deaths[0]).toMatchObject({ queue: 'ttl-fires', reason: 'expired' });
    } finally {
      await housekeeping.stop();
      await timed.close();
    }
  });
});
