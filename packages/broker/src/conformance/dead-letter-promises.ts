import { StaleDeliveryError } from '../errors';
import type { ConformanceHarness, ConformanceSubject } from './harness';
import { differenceTitle } from './differences';
import { subjectCalls } from './subject-calls';
import { passed, waitUntil } from './wait-until';

/** Nack backoff, max attempts, reject, TTL, dead letters with their death records, and redrive. */
export function describeDeadLetterPromises(harness: ConformanceHarness): void {
  const differences = harness.differences ?? {};
  describe('retries and dead letters', () => {
    let subject: ConformanceSubject;
    const { publish, claimOne } = subjectCalls(() => subject);

    beforeAll(async () => {
      subject = await harness.makeSubject({ random: () => 0 });
    });
    afterAll(() => subject.close());

    it(differenceTitle('nack retries after the backoff, then dead-letters after max attempts; the message keeps its id and is in one place after each settle', differences, 'retriesCopyThenAck'), async () => {
      await subject.broker.declareQueue({ name: 'retry.dlq' });
      await subject.broker.declareQueue({
        name: 'retry',
        // A backoff long enough that the checks right after the nack still see the retry waiting on a machine under load.
        policy: { maxAttempts: 2, deadLetterQueue: 'retry.dlq', retryBackoff: { initialDelayMs: 3000, multiplier: 2, maxDelayMs: 10_000, jitter: 0 } },
      });
      await publish('retry', 'flaky');
      const first = await claimOne('retry');
      await subject.broker.nack(first, { reason: 'boom 1' });
      expect(await subject.broker.claim('retry', { max: 1 })).toEqual([]);
      // one copy after the settle, whether it was updated in place or copied and then acked
      expect(await subject.broker.queueStats('retry')).toMatchObject({ ready: 0, delayed: 1, inFlight: 0 });
      const second = await waitUntil(async () => (await subject.broker.claim('retry', { max: 1 }))[0] ?? null);
      expect(second.attempt).toBe(2);
      await subject.broker.nack(second, { reason: 'boom 2' });
      const dead = await claimOne('retry.dlq');
      expect(dead.messageId).toBe(first.messageId);
      expect(dead.deaths).toEqual([expect.objectContaining({ queue: 'retry', reason: 'max_attempts', count: 1 })]);
      expect(dead.deaths[0]?.detail).toContain('boom 2');
      expect(await subject.broker.queueStats('retry')).toMatchObject({ ready: 0, delayed: 0, inFlight: 0, dead: 1 });
      await subject.broker.ack([dead]);
    });

    it('a nack that does not count an attempt never dead-letters (rate limited)', async () => {
      await subject.broker.declareQueue({ name: 'limited.dlq' });
      await subject.broker.declareQueue({ name: 'limited', policy: { maxAttempts: 1, deadLetterQueue: 'limited.dlq' } });
      await publish('limited', 'x');
      for (let i = 0; i < 3; i++) {
        const delivery = await claimOne('limited');
        expect(delivery.attempt).toBe(1);
        await subject.broker.nack(delivery, { countAttempt: false, delayMs: 0 });
      }
      expect(await subject.broker.queueStats('limited')).toMatchObject({ ready: 1, dead: 0 });
    });

    it('reject dead-letters at once with an x-death record; redrive brings it back', async () => {
      await subject.broker.declareQueue({ name: 'rej.dlq' });
      await subject.broker.declareQueue({ name: 'rej', policy: { deadLetterQueue: 'rej.dlq' } });
      await publish('rej', { poison: true });
      const delivery = await claimOne('rej');
      await subject.broker.reject(delivery, 'cannot parse');
      await expect(subject.broker.reject(delivery, 'again')).rejects.toBeInstanceOf(StaleDeliveryError);
      const [dead] = await subject.broker.peek('rej.dlq');
      expect(dead?.deaths).toEqual([{ queue: 'rej', reason: 'rejected', count: 1, time: expect.any(String), detail: 'cannot parse' }]);
      expect(await subject.broker.redrive('rej.dlq')).toBe(1);
      const again = await claimOne('rej');
      expect(again.messageId).toBe(delivery.messageId);
      expect(again.attempt).toBe(1);
      await subject.broker.reject(again, 'still bad');
      const [twice] = await subject.broker.peek('rej.dlq');
      expect(twice?.deaths.map((d) => [d.reason, d.count])).toEqual([
        ['rejected', 1],
        ['rejected', 2],
      ]);
    });

    it(differenceTitle('TTL: expired messages are never claimed and expire into the dead-letter queue', differences, 'choresNotCountedByHousekeep'), async () => {
      await subject.broker.declareQueue({ name: 'ttl.dlq' });
      await subject.broker.declareQueue({ name: 'ttl', policy: { messageTtlMs: 200, deadLetterQueue: 'ttl.dlq' } });
      await publish('ttl', 'stale soon');
      await publish('ttl', 'own ttl', { ttlMs: 100 });
      await passed(new Date(Date.now() + 200));
      expect(await subject.broker.claim('ttl', { max: 10 })).toEqual([]);
      let expired = 0;
      const dead = await waitUntil(async () => {
        expired += (await subject.broker.housekeep({ limit: 1000 })).expired;
        const peeked = await subject.broker.peek('ttl.dlq');
        return peeked.length === 2 ? peeked : null;
      }, 'both messages to expire into the dead-letter queue');
      if (!differences.choresNotCountedByHousekeep) expect(expired).toBe(2);
      expect(dead.map((d) => d.payload).sort()).toEqual(['own ttl', 'stale soon']);
      expect(dead.every((d) => d.deaths[0]?.reason === 'expired')).toBe(true);
    });
  });
}
