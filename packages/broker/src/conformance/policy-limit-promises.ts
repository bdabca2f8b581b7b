import { ConflictError } from '@interflow/core';
import { QueueFullError } from '../errors';
import { differenceTitle } from './differences';
import type { ConformanceHarness, ConformanceSubject } from './harness';
import { waitUntil } from './wait-until';

/**
 * Queue limits over time: changing max length, overflow and TTL; what max length counts;
 * a batch meeting a full queue; dedupe keys of messages that overflowed; the precision
 * and expiry of delayed messages. Implementations differ here most (each difference is
 * documented and tested as what holds instead).
 */
export function describePolicyLimitPromises(harness: ConformanceHarness): void {
  const differences = harness.differences ?? {};
  describe('policy limits', () => {
    let subject: ConformanceSubject;
    const publish = (queue: string, payload: unknown, message: Record<string, unknown> = {}) =>
      subject.broker.publish({ exchange: '', routingKey: queue, mandatory: true, message: { payload, ...message } });
    const payloads = async (queue: string) => (await subject.broker.peek(queue, { limit: 100 })).map((d) => d.payload);
    /** Housekeeping and a look, until `probe` holds (brokers that expire by housekeeping need the chore). */
    const housekeptUntil = <T>(probe: () => Promise<T>, description: string) =>
      waitUntil(async () => {
        await subject.broker.housekeep({ limit: 1000 });
        return probe();
      }, description);

    beforeAll(async () => {
      subject = await harness.makeSubject({ random: () => 0 });
    });
    afterAll(() => subject.close());

    it(differenceTitle('max length and overflow can be changed on an existing queue', differences, 'queueLengthFixedAtCreation'), async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'resized', policy: { maxLength: 10 } });
      const change = broker.declareQueue({ name: 'resized', policy: { maxLength: 20, overflow: 'dead_letter_oldest' } });
      if (differences.queueLengthFixedAtCreation) {
        await expect(change).rejects.toBeInstanceOf(ConflictError);
        expect((await broker.getQueue('resized'))?.policy).toMatchObject({ maxLength: 10, overflow: 'reject_publish' });
      } else {
        await expect(change).resolves.toMatchObject({ policy: { maxLength: 20, overflow: 'dead_letter_oldest' } });
      }
      // every other field changes either way
      expect((await broker.declareQueue({ name: 'resized', policy: { maxAttempts: 3 } })).policy).toMatchObject({ maxAttempts: 3 });
    });

    it(differenceTitle('max length counts every message of the queue, held ones too', differences, 'maxLengthCountsReadyOnly'), async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'counted', policy: { maxLength: 2 } });
      await publish('counted', 1);
      await publish('counted', 2);
      const [held] = await broker.claim('counted', { max: 1 });
      if (!held) throw new Error('nothing claimed');
      const third = publish('counted', 3);
      if (differences.maxLengthCountsReadyOnly) {
        await third;
        expect(await payloads('counted')).toEqual([2, 3]);
        await expect(publish('counted', 4)).rejects.toBeInstanceOf(QueueFullError);
      } else {
        await expect(third).rejects.toBeInstanceOf(QueueFullError);
        expect(await payloads('counted')).toEqual([2]);
      }
      await broker.ack([held]);
    });

    it(differenceTitle('a batch meeting a full reject_publish queue stores nothing', differences, 'fullQueueBatchMayStoreOtherCopies'), async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'full', policy: { maxLength: 1 } });
      await broker.declareQueue({ name: 'roomy' });
      await publish('full', 'first');
      const batch = broker.publishBatch([
        { exchange: '', routingKey: 'roomy', message: { payload: 'alongside' } },
        { exchange: '', routingKey: 'full', message: { payload: 'one too many' } },
      ]);
      await expect(batch).rejects.toBeInstanceOf(QueueFullError);
      expect(await payloads('full')).toEqual(['first']);
      const roomy = await payloads('roomy');
      if (differences.fullQueueBatchMayStoreOtherCopies) expect(['alongside']).toEqual(expect.arrayContaining(roomy));
      else expect(roomy).toEqual([]);
    });

    it(differenceTitle('the dedupe key of a message that overflowed is free again', differences, 'dedupeKeyKeptUntilPurge'), async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'pushed-out', policy: { maxLength: 1, overflow: 'dead_letter_oldest' } });
      const first = await publish('pushed-out', 'keyed', { dedupeKey: 'k' });
      await publish('pushed-out', 'pusher');
      expect(await payloads('pushed-out')).toEqual(['pusher']);
      const again = await publish('pushed-out', 'keyed again', { dedupeKey: 'k' });
      if (differences.dedupeKeyKeptUntilPurge) {
        expect(again.messageIds).toEqual(first.messageIds);
        expect(await payloads('pushed-out')).toEqual(['pusher']);
        await broker.purgeQueue('pushed-out');
        const afterPurge = await publish('pushed-out', 'after the purge', { dedupeKey: 'k' });
        expect(afterPurge.messageIds).not.toEqual(first.messageIds);
        expect(await payloads('pushed-out')).toEqual(['after the purge']);
      } else {
        expect(again.messageIds).not.toEqual(first.messageIds);
        expect(await payloads('pushed-out')).toEqual(['keyed again']);
      }
    });

    it("a change of the queue's TTL applies to the messages published after it; waiting ones keep theirs", async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'retimed.dlq' });
      await broker.declareQueue({ name: 'retimed', policy: { deadLetterQueue: 'retimed.dlq' } });
      await publish('retimed', 'before the change');
      await broker.declareQueue({ name: 'retimed', policy: { messageTtlMs: 100 } });
      await publish('retimed', 'after the change');
      // RabbitMQ expires a message once it reaches the head: the older one is taken first
      const [older] = await housekeptUntil(async () => {
        const claimed = await broker.claim('retimed', { max: 1 });
        return claimed.length > 0 ? claimed : null;
      }, 'the message published before the change');
      expect(older).toMatchObject({ payload: 'before the change', attempt: 1 });
      await broker.ack([older!]);
      const [dead] = await housekeptUntil(async () => {
        const peeked = await broker.peek('retimed.dlq');
        return peeked.length > 0 ? peeked : null;
      }, 'the message published after the change to expire');
      expect(dead).toMatchObject({ payload: 'after the change', deaths: [expect.objectContaining({ queue: 'retimed', reason: 'expired' })] });
      expect(await broker.claim('retimed', { max: 1 })).toEqual([]);
    });

    it(differenceTitle('a delayed message whose TTL ends before its delay expires on time, never handed over', differences, 'delayedMessageExpiresAfterItsDelay'), async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'late.dlq' });
      await broker.declareQueue({ name: 'late', policy: { deadLetterQueue: 'late.dlq' } });
      const publishedAt = Date.now();
      await publish('late', 'too late', { delayMs: 1_000, ttlMs: 100 });
      const [dead] = await housekeptUntil(async () => {
        expect(await broker.claim('late', { max: 10 })).toEqual([]);
        const peeked = await broker.peek('late.dlq');
        return peeked.length > 0 ? peeked : null;
      }, 'the delayed message to expire into the dead-letter queue');
      expect(dead).toMatchObject({ payload: 'too late', deaths: [expect.objectContaining({ queue: 'late', reason: 'expired' })] });
      // never before its TTL; with the difference, not before its delay either
      expect(new Date(dead?.deaths[0]?.time ?? 0).getTime()).toBeGreaterThanOrEqual(publishedAt + (differences.delayedMessageExpiresAfterItsDelay ? 1_000 : 100) - 50);
    });

    it(differenceTitle('a delayed message is claimable once its delay has passed, never before', differences, 'delayRoundedUp'), async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'precise' });
      const publishedAt = Date.now();
      await publish('precise', 'delayed', { delayMs: 1_234 });
      const [delivery] = await waitUntil(async () => {
        const claimed = await broker.claim('precise', { max: 1 });
        return claimed.length > 0 ? claimed : null;
      }, 'the delayed message');
      const claimedAfterMs = Date.now() - publishedAt;
      // two significant digits, rounded up: 1234 ms waits 1300 ms
      expect(claimedAfterMs).toBeGreaterThanOrEqual(differences.delayRoundedUp ? 1_300 : 1_234);
      if (delivery) await broker.ack([delivery]);
    });
  });
}
