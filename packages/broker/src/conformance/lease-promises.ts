import type { Delivery } from '../broker';
import { StaleDeliveryError } from '../errors';
import { differenceTitle } from './differences';
import type { ConformanceHarness, ConformanceSubject } from './harness';
import { subjectCalls } from './subject-calls';
import { passed, waitUntil } from './wait-until';

/** A lapsed lease settles nothing; settles within a transaction commit with it; a lease lapsing on the last attempt dead-letters. */
export function describeLeasePromises(harness: ConformanceHarness): void {
  const differences = harness.differences ?? {};
  describe('leases', () => {
    let subject: ConformanceSubject;
    const { publish, claimOne } = subjectCalls(() => subject);

    beforeAll(async () => {
      subject = await harness.makeSubject({ random: () => 0 });
    });
    afterAll(() => subject.close());

    it('a settle with a lapsed lease is refused like a stale token, even though nobody claimed the message again', async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'lapse', policy: { deadLetterQueue: null } });
      await publish('lapse', 'work');
      const delivery = await claimOne('lapse', 200);
      await passed(delivery.leaseExpiresAt);
      await expect(broker.ack([delivery])).rejects.toBeInstanceOf(StaleDeliveryError);
      await expect(broker.nack(delivery)).rejects.toBeInstanceOf(StaleDeliveryError);
      await expect(broker.reject(delivery, 'too late')).rejects.toBeInstanceOf(StaleDeliveryError);
      await expect(broker.extendLease(delivery, 60_000)).rejects.toBeInstanceOf(StaleDeliveryError);
      // Still there: the next claim takes it, as a recovered delivery on its next attempt.
      const again = await waitUntil(async () => (await broker.claim('lapse', { max: 1 }))[0], 'the lapsed message to be claimable again');
      expect(again).toMatchObject({ messageId: delivery.messageId, attempt: 2, recovered: true });
      await broker.ack([again]);
    });

    it('settles a handler makes inside a transaction commit with it or not at all', async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'tx-settle.dead' });
      await broker.declareQueue({ name: 'tx-settle', policy: { deadLetterQueue: 'tx-settle.dead' } });
      await publish('tx-settle', 'one');
      const seen: string[] = [];
      const consumer = broker.consume('tx-settle', async (delivery, control) => {
        seen.push(`attempt ${delivery.attempt}`);
        try {
          await subject.transaction(async (tx) => {
            await control.ackWithin(tx);
            throw new Error('the caller failed after acking');
          });
        } catch (error) {
          seen.push(error instanceof Error ? error.message : String(error));
        }
        seen.push(`in flight: ${(await broker.queueStats('tx-settle')).inFlight}`);
        await subject.transaction((tx) => control.rejectWithin(tx, 'no good'));
      });
      const [dead] = await waitUntil(async () => {
        const peeked = await broker.peek('tx-settle.dead');
        return peeked.length > 0 ? peeked : null;
      }, 'the rejected message in the dead-letter queue');
      await consumer.stop();
      expect(seen).toEqual(['attempt 1', 'the caller failed after acking', 'in flight: 1']);
      expect(dead?.deaths[0]).toMatchObject({ reason: 'rejected', detail: 'no good' });
      expect(await broker.queueStats('tx-settle')).toMatchObject({ ready: 0, inFlight: 0, delayed: 0 });
    });

    it(differenceTitle('a delivery may be settled by another process that has it', differences, 'settlesOnlyInHoldingProcess'), async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'handed' });
      await publish('handed', 'work');
      const delivery = await claimOne('handed');
      const elsewhere = subject.otherBroker().ack([delivery]);
      if (differences.settlesOnlyInHoldingProcess) {
        await expect(elsewhere).rejects.toBeInstanceOf(StaleDeliveryError);
        expect(await broker.queueStats('handed')).toMatchObject({ inFlight: 1 });
        await broker.ack([delivery]);
      } else {
        await elsewhere;
        await expect(broker.ack([delivery])).rejects.toBeInstanceOf(StaleDeliveryError);
      }
      expect(await broker.queueStats('handed')).toMatchObject({ ready: 0, inFlight: 0 });
    });

    it(differenceTitle('an ack within a transaction is done when the transaction commits', differences, 'settlesWithinMadeAfterCommit'), async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'acked-within' });
      await publish('acked-within', 'work');
      const acked: Delivery[] = [];
      const consumer = broker.consume('acked-within', async (delivery, control) => {
        await subject.transaction((tx) => control.ackWithin(tx));
        acked.push(delivery);
      }, { concurrency: 1, prefetch: 0 });
      const [delivery] = await waitUntil(() => (acked.length > 0 ? acked : null), 'the handler to commit its ack');
      const settled = async () => {
        const stats = await broker.queueStats('acked-within');
        return stats.ready === 0 && stats.inFlight === 0;
      };
      if (differences.settlesWithinMadeAfterCommit) await waitUntil(settled, 'the ack made after the commit');
      else expect(await settled()).toBe(true);
      await consumer.stop();
      await expect(broker.ack([delivery!])).rejects.toBeInstanceOf(StaleDeliveryError);
    });

    it('a settle within a transaction by a delivery that lost its lease is refused with StaleDeliveryError', async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'tx-stale' });
      await publish('tx-stale', 'slow');
      const outcomes: string[] = [];
      const consumer = broker.consume(
        'tx-stale',
        async (delivery, control) => {
          if (delivery.recovered) return;
          await new Promise((resolve) => control.signal.addEventListener('abort', resolve, { once: true }));
          try {
            await subject.transaction((tx) => control.ackWithin(tx));
            outcomes.push('acked');
          } catch (error) {
            outcomes.push(error instanceof StaleDeliveryError ? 'stale' : String(error));
          }
        },
        { concurrency: 1, prefetch: 0, leaseMs: 300 },
      );
      await waitUntil(async () => outcomes.length > 0 && (await broker.queueStats('tx-stale')).ready + (await broker.queueStats('tx-stale')).inFlight === 0, 'the stale settle and the redelivery');
      await consumer.stop();
      expect(outcomes).toEqual(['stale']);
    });

    it(
      differenceTitle('a lease that lapses on the last attempt dead-letters the message (a poison message that kills its consumer)', differences, 'lapsedLeaseAlwaysCountsAttempt'),
      async () => {
        const { broker } = subject;
        await broker.declareQueue({ name: 'poison.dlq' });
        await broker.declareQueue({ name: 'poison', policy: { maxAttempts: 1, deadLetterQueue: 'poison.dlq' } });
        await publish('poison', 'kills consumers');
        const delivery = await claimOne('poison', 100);
        expect(delivery.attempt).toBe(1);
        await passed(delivery.leaseExpiresAt);
        // The lapsed lease is not offered again: its last attempt is used up.
        let returned = 0;
        const [dead] = await waitUntil(async () => {
          returned += (await broker.housekeep({ limit: 1000 })).returnedLeases;
          const peeked = await broker.peek('poison.dlq');
          return peeked.length > 0 ? peeked : null;
        }, 'the poison message in the dead-letter queue');
        expect(await broker.claim('poison', { max: 1 })).toEqual([]);
        expect(dead?.deaths[0]).toMatchObject({ queue: 'poison', reason: 'max_attempts' });
        if (!differences.lapsedLeaseAlwaysCountsAttempt) {
          expect(returned).toBe(1);
          expect(dead?.deaths[0]?.detail).toBe('lease expired on the last attempt');
        }
      },
    );
  });
}
