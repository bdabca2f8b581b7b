import crypto from 'node:crypto';
import type { Delivery } from '@interflow/broker';
import { waitFor, type TestDatabase } from '@interflow/test-kit';
import { createBrokerFixture, type BrokerFixture } from './broker-fixture';

/**
 * Direct delivery (local-delivery.ts): a single publish to a queue whose consumer in this
 * process waits on it without a backlog is inserted already leased to that consumer and
 * handed over after the commit, without a claim. The rows show it: a claim leases a
 * message later than its publish, a direct delivery in the publishing transaction itself.
 */
describe('PostgreSQL broker: direct delivery to a waiting consumer of this process', () => {
  let fixture: BrokerFixture;

  beforeAll(async () => {
    // A long poll interval: nothing but a wake-up makes the consumer claim again.
    fixture = await createBrokerFixture({ pollIntervalMs: 60_000 });
  });
  afterAll(() => fixture.close());

  it('leases the message to the consumer in the publishing transaction, with a claim attempt counted', async () => {
    const { broker, db } = fixture;
    await broker.declareQueue({ name: 'direct-lease' });
    const seen: Delivery[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const consumer = broker.consume<number>(
      'direct-lease',
      async (delivery) => {
        seen.push(delivery);
        if (delivery.payload === 2) await held;
      },
      { concurrency: 2, prefetch: 2, leaseMs: 30_000 },
    );
    try {
      await broker.publish({ exchange: '', routingKey: 'direct-lease', message: { payload: 1 } });
      await waitFor(() => seen.length === 1, { description: 'the first message handled' });
      await consumerWaitsOnEmpty(db, 'direct-lease');
      const receipt = await broker.publish({ exchange: '', routingKey: 'direct-lease', message: { payload: 2, headers: { h: 'v' } } });
      await waitFor(() => seen.length === 2, { description: 'the second message handled' });
      const [row] = await db.sql<{ exact: boolean; attempts: number; consumer_id: string; handed_over: boolean }[]>`
        select lease_expires_at - published_at = interval '30 seconds' as exact, attempts, consumer_id, handed_over
        from mq_messages where id = ${receipt.messageIds[0]!}`;
      expect(row).toEqual({ exact: true, attempts: 1, consumer_id: consumer.id, handed_over: false });
      const delivery = seen[1]!;
      expect(delivery).toMatchObject({ messageId: receipt.messageIds[0], payload: 2, headers: { h: 'v' }, attempt: 1, priority: 3, recovered: false, deaths: [] });
      expect(delivery.leaseExpiresAt.getTime() - delivery.publishedAt.getTime()).toBe(30_000);
      expect(delivery.expiresAt).toBeNull();
    } finally {
      release();
      await consumer.stop();
    }
    expect((await broker.queueStats('direct-lease')).ready).toBe(0);
  });

  it('messages another process published first reach the consumer before a direct one (claimed first, or not leased)', async () => {
    const { broker } = fixture;
    await broker.declareQueue({ name: 'direct-order' });
    const seen: number[] = [];
    const consumer = broker.consume<number>('direct-order', async (delivery) => void seen.push(delivery.payload), { concurrency: 1, prefetch: 0 });
    try {
      await broker.publish({ exchange: '', routingKey: 'direct-order', message: { payload: 1 } });
      await waitFor(() => seen.length === 1);
      // Another process publishes two (its NOTIFY wakes the consumer), then this one publishes a third.
      const other = fixture.otherBroker();
      await other.publishBatch([2, 3].map((payload) => ({ exchange: '', routingKey: 'direct-order', message: { payload } })));
      await broker.publish({ exchange: '', routingKey: 'direct-order', message: { payload: 4 } });
      await waitFor(() => seen.length === 4, { description: 'all four handled' });
      expect(seen).toEqual([1, 2, 3, 4]);
    } finally {
      await consumer.stop();
    }
  });
});

describe('PostgreSQL broker: direct delivery under a stream of publishes', () => {
  let fixture: BrokerFixture;

  beforeAll(async () => {
    fixture = await createBrokerFixture({ pollIntervalMs: 60_000 });
  });
  afterAll(() => fixture.close());

  it('leases most messages of 8 publishers publishing one after the other in their publishing transaction', async () => {
    const { broker } = fixture;
    await broker.declareQueue({ name: 'direct-stream' });
    const leaseMs = 30_000;
    let direct = 0;
    let handled = 0;
    // Leased in the publishing transaction: its lease runs exactly leaseMs from the publish (both are that transaction's now()).
    const consumer = broker.consume('direct-stream', async (delivery) => {
      handled++;
      if (delivery.leaseExpiresAt.getTime() - delivery.publishedAt.getTime() === leaseMs) direct++;
    }, { concurrency: 16, prefetch: 64, leaseMs });
    const perPublisher = 100;
    try {
      await Promise.all(Array.from({ length: 8 }, async () => {
        for (let n = 0; n < perPublisher; n++) await broker.publish({ exchange: '', routingKey: 'direct-stream', message: { payload: n } });
      }));
      await waitFor(() => handled === 8 * perPublisher, { description: 'every message handled' });
    } finally {
      await consumer.stop();
    }
    // Before, every claim of the consumer's own overlapped a commit that woke it again, and none went directly.
    expect(direct).toBeGreaterThan(handled / 2);
  });
});

describe('PostgreSQL broker: direct delivery while messages come due', () => {
  let fixture: BrokerFixture;

  beforeAll(async () => {
    fixture = await createBrokerFixture({ pollIntervalMs: 200 });
  });
  afterAll(() => fixture.close());

  it('still claims a delayed message that came due while single publishes keep arriving directly', async () => {
    const { broker } = fixture;
    await broker.declareQueue({ name: 'direct-due' });
    const handled = new Set<string>();
    const consumer = broker.consume<string>('direct-due', async (delivery) => void handled.add(delivery.payload), { concurrency: 4, prefetch: 4 });
    try {
      await broker.publish({ exchange: '', routingKey: 'direct-due', message: { payload: 'delayed', delayMs: 300 } });
      // Publishes one at a time, each awaited and handled, until the delayed one arrives (bounded).
      for (let n = 0; n < 5_000 && !handled.has('delayed'); n++) {
        await broker.publish({ exchange: '', routingKey: 'direct-due', message: { payload: `p${n}` } });
        await waitFor(() => handled.has(`p${n}`), { description: `p${n} handled` });
      }
      expect(handled.has('delayed')).toBe(true);
    } finally {
      await consumer.stop();
    }
  });
});

describe('PostgreSQL broker: a consumer stopping while a direct publish commits', () => {
  let fixture: BrokerFixture;
  const gateKey = crypto.randomInt(1, 2 ** 31 - 1);

  beforeAll(async () => {
    fixture = await createBrokerFixture({ pollIntervalMs: 60_000 });
    // Every commit that inserted a message waits for an advisory lock the test may hold.
    await fixture.db.sql.unsafe(`
      create function commit_gate() returns trigger language plpgsql as $$
      begin perform pg_advisory_xact_lock_shared(${gateKey}); return null; end $$`);
    await fixture.db.sql`create constraint trigger commit_gate after insert on mq_messages deferrable initially deferred for each row execute function commit_gate()`;
  });
  afterAll(() => fixture.close());

  it('releases the message leased to it (no attempt spent) before stop() resolves', async () => {
    const { broker, db } = fixture;
    await broker.declareQueue({ name: 'direct-stop' });
    const seen: number[] = [];
    const consumer = broker.consume<number>('direct-stop', async (delivery) => void seen.push(delivery.payload), { concurrency: 1, prefetch: 1 });
    await broker.publish({ exchange: '', routingKey: 'direct-stop', message: { payload: 1 } });
    await waitFor(() => seen.length === 1, { description: 'the first message handled' });
    await consumerWaitsOnEmpty(db, 'direct-stop');
    const gate = await db.sql.reserve();
    let published: Promise<unknown> = Promise.resolve();
    try {
      await gate`select pg_advisory_lock(${gateKey})`;
      published = broker.publish({ exchange: '', routingKey: 'direct-stop', message: { payload: 2 } });
      await waitFor(async () => {
        const [waiting] = await db.sql<{ n: number }[]>`
          select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = ${gateKey} and not granted`;
        return (waiting?.n ?? 0) > 0;
      }, { description: 'the publish commit waiting for the gate' });
      const stopped = consumer.stop();
      await gate`select pg_advisory_unlock(${gateKey})`;
      await stopped;
      const [row] = await db.sql<{ lease_token: string | null; attempts: number }[]>`
        select lease_token, attempts from mq_messages where queue = 'direct-stop' and payload = '2'`;
      expect(row).toEqual({ lease_token: null, attempts: 0 });
      expect(seen).toEqual([1]);
    } finally {
      gate.release();
      await published;
    }
  });
});

/**
 * Until the consumer of `queue` waits on it empty: its ack of the message it handled, and the
 * claim that goes with it, have come back. Before that a claim of its own is in flight, and a
 * publish would wake it to claim instead of leasing the message to it.
 */
async function consumerWaitsOnEmpty(db: TestDatabase, queue: string): Promise<void> {
  await waitFor(
    async () =>
      (await db.sql`select 1 from mq_messages where queue = ${queue}`).length === 0 &&
      (await db.sql`select 1 from pg_stat_activity where application_name = ${`test:${db.schema}`} and state <> 'idle' and pid <> pg_backend_pid()`).length === 0,
    { description: `the message on ${queue} acked and no statement of its consumer in flight` },
  );
}
