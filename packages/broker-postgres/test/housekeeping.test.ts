import { pruneHistory } from '../src/housekeeping';
import { waitFor } from '@interflow/test-kit';
import { createBrokerFixture, type BrokerFixture } from './broker-fixture';

describe('PostgreSQL broker: housekeeping and registry', () => {
  let fixture: BrokerFixture;

  beforeAll(async () => {
    fixture = await createBrokerFixture({ heartbeatIntervalMs: 1000 });
  });
  afterAll(() => fixture.close());

  it('a lease that lapses on the last attempt dead-letters the message (a poison message that kills its consumer)', async () => {
    const { broker, db } = fixture;
    await broker.declareQueue({ name: 'poison.dlq' });
    await broker.declareQueue({ name: 'poison', policy: { maxAttempts: 1, deadLetterQueue: 'poison.dlq' } });
    await broker.publish({ exchange: '', routingKey: 'poison', message: { payload: 'kills consumers' } });
    const [delivery] = await broker.claim('poison', { max: 1, leaseMs: 100 });
    expect(delivery?.attempt).toBe(1);
    // The lapsed lease is not offered again: its last attempt is used up.
    await waitFor(async () => (await db.sql`select 1 from mq_messages where queue = 'poison' and lease_expires_at < now()`).length > 0);
    expect(await broker.claim('poison', { max: 1 })).toEqual([]);
    const report = await broker.housekeep({ limit: 1000 });
    expect(report.returnedLeases).toBe(1);
    const [dead] = await broker.peek('poison.dlq');
    expect(dead?.deaths[0]).toMatchObject({ queue: 'poison', reason: 'max_attempts', detail: 'lease expired on the last attempt' });
  });

  it('consumers heartbeat while alive; pruneHistory removes silent ones and old rate buckets', async () => {
    const { broker, db } = fixture;
    await broker.declareQueue({ name: 'listened' });
    const consumer = broker.consume('listened', async () => undefined, { consumerName: 'heartbeat-test', concurrency: 3, prefetch: 5 });
    const [registered] = await waitFor(async () => {
      const list = await broker.listConsumers({ queue: 'listened' });
      return list.length > 0 ? list : null;
    });
    expect(registered).toMatchObject({ queue: 'listened', name: 'heartbeat-test', concurrency: 3, prefetch: 5, pid: process.pid });
    await waitFor(async () => {
      const [now] = await broker.listConsumers({ queue: 'listened' });
      return now && now.heartbeatAt.getTime() > (registered?.heartbeatAt.getTime() ?? 0);
    });
    await consumer.stop();

    await db.sql`insert into mq_consumers (id, queue, name, host, pid, concurrency, prefetch, heartbeat_at)
      values ('crashed', 'listened', 'gone', 'elsewhere', 1, 1, 1, now() - interval '1 hour')`;
    await db.sql`insert into mq_rate_buckets (queue, bucket_start, published, acked) values ('listened', now() - interval '2 days', 5, 5)`;
    expect(await pruneHistory(db.sql)).toBe(2);
    expect(await broker.listConsumers({ queue: 'listened' })).toEqual([]);
  });
});
