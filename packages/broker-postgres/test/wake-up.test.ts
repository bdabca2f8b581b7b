import { wakeUpChannel } from '../src/wake-up';
import { waitFor } from '@interflow/test-kit';
import { createBrokerFixture, type BrokerFixture } from './broker-fixture';

describe('PostgreSQL broker: wake-up across processes', () => {
  let fixture: BrokerFixture;

  beforeAll(async () => {
    // Polling every minute: only a NOTIFY can bring a message over within the test's time.
    fixture = await createBrokerFixture({ pollIntervalMs: 60_000 });
  });
  afterAll(() => fixture.close());

  it('a publish in one broker wakes a consumer in another through NOTIFY', async () => {
    const publisher = fixture.otherBroker({ pollIntervalMs: 60_000 });
    await fixture.broker.declareQueue({ name: 'remote' });
    const received: unknown[] = [];
    const consumer = fixture.broker.consume('remote', async (delivery) => {
      received.push(delivery.payload);
    });
    await waitFor(async () => (await fixture.broker.listConsumers({ queue: 'remote' })).length === 1);
    for (const n of [1, 2, 3]) {
      await publisher.publish({ exchange: '', routingKey: 'remote', message: { payload: n } });
      await waitFor(() => received.includes(n), { timeoutMs: 20_000, description: `message ${n} to arrive by NOTIFY` });
    }
    await consumer.stop();
  });

  it('publishWithin wakes consumers of the same broker when the caller commits', async () => {
    await fixture.broker.declareQueue({ name: 'within-wake' });
    const received: unknown[] = [];
    const consumer = fixture.broker.consume('within-wake', async (delivery) => {
      received.push(delivery.payload);
    });
    await waitFor(async () => (await fixture.broker.listConsumers({ queue: 'within-wake' })).length === 1);
    await fixture.db.sql.begin((tx) => fixture.broker.publishWithin(tx, [{ exchange: '', routingKey: 'within-wake', message: { payload: 'committed' } }]));
    await waitFor(() => received.includes('committed'), { timeoutMs: 20_000 });
    await consumer.stop();
  });

  it('channel names carry the schema and stay valid identifiers', () => {
    expect(wakeUpChannel('abc')).toBe('interflow_mq.abc');
    expect(Buffer.byteLength(wakeUpChannel('s'.repeat(100)))).toBeLessThanOrEqual(63);
    expect(wakeUpChannel('s'.repeat(100))).not.toBe(wakeUpChannel('t'.repeat(100)));
  });
});
