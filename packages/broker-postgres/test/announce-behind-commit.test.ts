import type { PublishReceipt, TransactionSql } from '@interflow/broker';
import { waitFor } from '@interflow/test-kit';
import type { PostgresBroker } from '../src';
import { createBrokerFixture, type BrokerFixture } from './broker-fixture';

/** Longer than any wait here: a message arrives in time only if a NOTIFY woke its consumer. */
const POLL_TOO_SLOW_MS = 600_000;
const ARRIVAL_MS = 15_000;

describe('PostgreSQL broker: announceBehindCommit', () => {
  let fixture: BrokerFixture;
  beforeAll(async () => {
    fixture = await createBrokerFixture({ pollIntervalMs: POLL_TOO_SLOW_MS });
  });
  afterAll(() => fixture.close());

  /** A consumer of a new queue that records what it gets, listed in the registry (so other brokers know to wake it). */
  async function listedConsumer(broker: PostgresBroker, queue: string) {
    await broker.declareQueue({ name: queue });
    const received: unknown[] = [];
    const consumer = broker.consume(queue, async (delivery) => {
      received.push(delivery.payload);
    });
    await waitFor(async () => (await broker.listConsumers({ queue })).length === 1, { description: 'the consumer to be listed' });
    return { received, consumer };
  }

  /** As the api's trigger writes: begin, publish (wake 'caller'), then the end sent and the wake-up queued behind it. */
  async function publishThenEnd(publisher: PostgresBroker, queue: string, payload: unknown, end: 'commit' | 'rollback') {
    const connection = await fixture.db.sql.reserve();
    try {
      const tx = connection as unknown as TransactionSql;
      await connection`begin`.execute();
      const receipts: PublishReceipt[] = await publisher.publishWithin(tx, [{ exchange: '', routingKey: queue, message: { payload } }], { wake: 'caller' });
      const ended = (end === 'commit' ? connection`commit` : connection`rollback`).execute();
      const announced = publisher.announceBehindCommit(tx, receipts);
      const [answer] = await Promise.all([ended, announced]);
      expect(answer.command).toBe(end.toUpperCase());
    } finally {
      connection.release();
    }
  }

  it('wakes a consumer in another broker, which never polls in time', async () => {
    const { received, consumer } = await listedConsumer(fixture.broker, 'behind.remote');
    // Made after the consumer is listed: its first look at the registry finds it.
    const publisher = fixture.otherBroker();
    for (const n of [1, 2, 3]) {
      await publishThenEnd(publisher, 'behind.remote', n, 'commit');
      await waitFor(() => received.includes(n), { timeoutMs: ARRIVAL_MS, description: `message ${n} to arrive by the wake-up` });
    }
    await consumer.stop();
  });

  it("wakes the publishing broker's own consumer, once the commit is through", async () => {
    const { received, consumer } = await listedConsumer(fixture.broker, 'behind.local');
    await publishThenEnd(fixture.broker, 'behind.local', 'mine', 'commit');
    await waitFor(() => received.includes('mine'), { timeoutMs: ARRIVAL_MS, description: 'the message to arrive by the wake-up' });
    await consumer.stop();
  });

  it('after a rollback it resolves, delivers nothing, and leaves the connection usable', async () => {
    const { received, consumer } = await listedConsumer(fixture.broker, 'behind.rollback');
    const publisher = fixture.otherBroker();
    await publishThenEnd(publisher, 'behind.rollback', 'rolled back', 'rollback');
    await publishThenEnd(publisher, 'behind.rollback', 'committed', 'commit');
    await waitFor(() => received.includes('committed'), { timeoutMs: ARRIVAL_MS, description: 'the committed message' });
    expect(received).toEqual(['committed']);
    const left = async () => {
      const stats = await fixture.broker.queueStats('behind.rollback');
      return stats.ready + stats.delayed + stats.inFlight;
    };
    await waitFor(async () => (await left()) === 0, { description: 'the committed message acked, and no other in the queue' });
    await consumer.stop();
  });
});
