import path from 'node:path';
import { returnLapsedLeases } from '../src/housekeeping';
import { startDaemon, waitFor, type DaemonProcess } from '@interflow/test-kit';
import { createBrokerFixture, type BrokerFixture } from './broker-fixture';

const CONSUMER = path.resolve(__dirname, 'support', 'poison-consumer.mjs');

/**
 * Issue 9, item 6: a message that kills its consumer process every time (max attempts 3,
 * concurrency 4, prefetch 8) ends in the dead-letter queue alone; the messages claimed
 * alongside it (running beside it or waiting in the prefetch buffer) are all handled.
 */
describe('a poison message that kills its consumer', () => {
  let fixture: BrokerFixture;

  beforeAll(async () => {
    fixture = await createBrokerFixture();
  });
  afterAll(() => fixture.close());

  it('goes to the dead-letter queue alone; the innocent messages claimed with it are handled', async () => {
    const { broker, db } = fixture;
    await broker.declareQueue({ name: 'poisoned.dead' });
    await broker.declareQueue({ name: 'poisoned', policy: { maxAttempts: 3, deadLetterQueue: 'poisoned.dead' } });
    const payloads = ['a', 'b', 'poison', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'];
    await broker.publishBatch(payloads.map((payload) => ({ exchange: '', routingKey: 'poisoned', message: { payload } })));

    const consumers: DaemonProcess[] = [];
    const settled = async () => {
      const stats = await broker.queueStats('poisoned');
      return stats.ready + stats.inFlight + stats.delayed === 0;
    };
    // The producer's housekeeping, as it runs in production: dead-letters a lapsed last attempt.
    const housekeeping = setInterval(() => void returnLapsedLeases(db.sql).catch(() => undefined), 250);
    try {
      for (let round = 0; round < 12 && !(await settled()); round++) {
        const consumer = await startDaemon({
          script: CONSUMER,
          env: { DATABASE_URL: db.url, DATABASE_SCHEMA: db.schema, QUEUE: 'poisoned', LEASE_MS: '1000' },
        });
        consumers.push(consumer);
        // Either the poison kills it, or everything is settled.
        await waitFor(async () => consumer.child.exitCode !== null || consumer.child.signalCode !== null || (await settled()), {
          timeoutMs: 60_000,
          description: 'the consumer to die or the queue to empty',
        });
        if (await settled()) await consumer.stop('SIGTERM');
      }
      await waitFor(settled, { timeoutMs: 60_000, description: 'the queue to empty' });
    } finally {
      clearInterval(housekeeping);
      await Promise.all(consumers.map((consumer) => consumer.stop('SIGKILL')));
    }

    const dead = await broker.peek('poisoned.dead', { limit: 100 });
    expect(dead.map((delivery) => delivery.payload)).toEqual(['poison']);
    expect(dead[0]?.deaths[0]).toMatchObject({ reason: 'max_attempts', detail: 'lease expired on the last attempt' });
    const handled = new Set(consumers.flatMap((consumer) => consumer.logs.filter((line) => line.message === 'handled').map((line) => line.payload)));
    expect([...handled].sort()).toEqual(payloads.filter((payload) => payload !== 'poison').sort());
    // It killed a consumer at most max attempts + 1 times (the first death, before its hand-over was on record, is not counted).
    const poisonings = consumers.flatMap((consumer) => consumer.logs.filter((line) => line.message === 'handling' && line.payload === 'poison'));
    expect(poisonings.length).toBeGreaterThanOrEqual(3);
    expect(poisonings.length).toBeLessThanOrEqual(4);
  });
});
