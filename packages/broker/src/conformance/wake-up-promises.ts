import { differenceTitle } from './differences';
import type { ConformanceHarness, ConformanceSubject, InterruptibleSubject } from './harness';
import { waitUntil } from './wait-until';

/** Consumers are woken by publishes from other processes, by publishWithin's commit or its caller's announcement, and keep going after the server restarts. */
export function describeWakeUpPromises(harness: ConformanceHarness): void {
  const differences = harness.differences ?? {};
  describe('wake-up', () => {
    let subject: ConformanceSubject;
    beforeAll(async () => {
      subject = await harness.makeSubject({ wakeUpOnly: true });
    });
    afterAll(() => subject.close());

    /** A consumer of a new queue that records the payloads it gets, once the registry lists it (so publishers elsewhere know to wake it). */
    async function listedConsumer(queue: string) {
      await subject.broker.declareQueue({ name: queue });
      const received: unknown[] = [];
      const consumer = subject.broker.consume(queue, async (delivery) => {
        received.push(delivery.payload);
      });
      await waitUntil(async () => (await subject.broker.listConsumers({ queue })).length === 1, 'the consumer to be listed');
      return { received, consumer };
    }

    it('a publish in one broker wakes a consumer in another', async () => {
      const publisher = subject.otherBroker();
      const { received, consumer } = await listedConsumer('remote');
      for (const n of [1, 2, 3]) {
        await publisher.publish({ exchange: '', routingKey: 'remote', message: { payload: n } });
        await waitUntil(() => received.includes(n), `message ${n} to arrive by wake-up`, 20_000);
      }
      await consumer.stop();
    });

    it('publishWithin wakes consumers when the caller commits', async () => {
      const { received, consumer } = await listedConsumer('within-wake');
      await subject.transaction((tx) => subject.broker.publishWithin(tx, [{ exchange: '', routingKey: 'within-wake', message: { payload: 'committed' } }]));
      await waitUntil(() => received.includes('committed'), 'the committed message to arrive', 20_000);
      await consumer.stop();
    });

    it("publishWithin with wake 'caller' wakes a consumer in another broker once the caller announces its commit", async () => {
      const publisher = subject.otherBroker();
      const { received, consumer } = await listedConsumer('within-announced');
      for (const n of [1, 2]) {
        const receipts = await subject.transaction((tx) =>
          publisher.publishWithin(tx, [{ exchange: '', routingKey: 'within-announced', message: { payload: n } }], { wake: 'caller' }),
        );
        publisher.announceCommitted(receipts);
        await waitUntil(() => received.includes(n), `message ${n} to arrive by the announcement`, 20_000);
      }
      await consumer.stop();
    });
  });

  const { makeInterruptibleSubject } = harness;
  describe('server restart', () => {
    if (!makeInterruptibleSubject) {
      it(differenceTitle('without a restartable server, a closed broker refuses to publish', differences, 'noServerInterruptionInTests'), async () => {
        expect(differences.noServerInterruptionInTests).toEqual(expect.any(String));
        const subject = await harness.makeSubject();
        try {
          await subject.broker.declareQueue({ name: 'closed' });
        } finally {
          await subject.close();
        }
        await expect(subject.broker.publish({ exchange: '', routingKey: 'closed', message: { payload: 1 } })).rejects.toThrow();
      });
      return;
    }
    let subject: InterruptibleSubject;
    beforeAll(async () => {
      subject = await makeInterruptibleSubject({ wakeUpOnly: true });
    });
    afterAll(() => subject?.close());

    it('consumers here and in another process keep going after the server restarts; publishes succeed once it is back', async () => {
      const { broker } = subject;
      const other = subject.otherBroker();
      await broker.declareQueue({ name: 'survivor' });
      await broker.declareQueue({ name: 'survivor.elsewhere' });
      const handled = new Set<number>();
      const consumer = broker.consume<number>('survivor', async (delivery) => {
        handled.add(delivery.payload);
      });
      const handledElsewhere = new Set<number>();
      const remoteConsumer = other.consume<number>('survivor.elsewhere', async (delivery) => {
        handledElsewhere.add(delivery.payload);
      });
      await waitUntil(async () => (await broker.listConsumers({ queue: 'survivor.elsewhere' })).length === 1, 'the remote consumer to be listed');
      await broker.publish({ exchange: '', routingKey: 'survivor', message: { payload: 1 } });
      await broker.publish({ exchange: '', routingKey: 'survivor.elsewhere', message: { payload: 1 } });
      await waitUntil(() => handled.has(1) && handledElsewhere.has(1), 'the first messages');

      await subject.interrupt();

      // A publish may meet the dead connection first; it succeeds once the broker reconnects.
      const publishUntilAccepted = (queue: string) =>
        waitUntil(async () => {
          await broker.publish({ exchange: '', routingKey: queue, message: { payload: 2 } });
          return true;
        }, `a publish to ${queue} after the restart`, 60_000);
      await publishUntilAccepted('survivor');
      await waitUntil(() => handled.has(2), 'the consumer to handle a message after the restart', 60_000);
      await publishUntilAccepted('survivor.elsewhere');
      await waitUntil(() => handledElsewhere.has(2), 'a wake-up through the re-established connection', 20_000);
      await Promise.all([consumer.stop(), remoteConsumer.stop()]);
    });
  });
}
