import { StaleDeliveryError } from '../errors';
import type { ConformanceHarness, ConformanceSubject } from './harness';
import { differenceTitle } from './differences';
import { subjectCalls } from './subject-calls';
import { passed, waitUntil } from './wait-until';

/** Claiming and settling: priorities, delay, leases and stale tokens, dedupe, max length, publishWithin, purge and stats. */
export function describeDeliveryPromises(harness: ConformanceHarness): void {
  const differences = harness.differences ?? {};
  describe('claiming and settling', () => {
    let subject: ConformanceSubject;
    const { publish, claimOne } = subjectCalls(() => subject);

    beforeAll(async () => {
      subject = await harness.makeSubject({ random: () => 0 });
    });
    afterAll(() => subject.close());

    it('claims by priority, then age', async () => {
      await subject.broker.declareQueue({ name: 'prio' });
      await publish('prio', 'low-old', { priority: 1 });
      await publish('prio', 'mid-old', { priority: 3 });
      await publish('prio', 'high', { priority: 5 });
      await publish('prio', 'mid-new', { priority: 3 });
      await publish('prio', 'low-new', { priority: 1 });
      const order: unknown[] = [];
      for (let i = 0; i < 5; i++) {
        const delivery = await claimOne('prio');
        order.push(delivery.payload);
        await subject.broker.ack([delivery]);
      }
      expect(order).toEqual(['high', 'mid-old', 'mid-new', 'low-old', 'low-new']);
      const batch = await Promise.all(['a', 'b', 'c'].map((p, i) => publish('prio', p, { priority: i + 1 })));
      expect(batch).toHaveLength(3);
      expect((await subject.broker.claim('prio', { max: 10 })).map((d) => d.payload)).toEqual(['c', 'b', 'a']);
    });

    it('a delayed message is invisible until its time', async () => {
      await subject.broker.declareQueue({ name: 'delay' });
      await publish('delay', 'later', { delayMs: 1500 });
      await publish('delay', 'future', { notBefore: new Date(Date.now() + 3_600_000) });
      expect(await subject.broker.claim('delay', { max: 10 })).toEqual([]);
      const stats = await subject.broker.queueStats('delay');
      expect(stats).toMatchObject({ ready: 0, delayed: 2, inFlight: 0 });
      const [delivery] = await waitUntil(async () => {
        const claimed = await subject.broker.claim('delay', { max: 10 });
        return claimed.length > 0 ? claimed : null;
      });
      expect(delivery?.payload).toBe('later');
    });

    it('ack removes the message; a second ack with the same token is refused', async () => {
      await subject.broker.declareQueue({ name: 'acks' });
      const receipt = await publish('acks', { job: 1 }, { headers: { h: 'v' }, sender: 'test', correlationId: 'c-1' });
      const delivery = await claimOne('acks');
      expect(delivery).toMatchObject({
        messageId: receipt.messageIds[0],
        queue: 'acks',
        payload: { job: 1 },
        headers: { h: 'v' },
        attempt: 1,
        sender: 'test',
        correlationId: 'c-1',
        deaths: [],
      });
      await subject.broker.ack([delivery]);
      await expect(subject.broker.ack([delivery])).rejects.toBeInstanceOf(StaleDeliveryError);
      expect(await subject.broker.queueStats('acks')).toMatchObject({ ready: 0, inFlight: 0, delayed: 0 });
    });

    it('an expired lease makes the message claimable again, and the old token is stale', async () => {
      await subject.broker.declareQueue({ name: 'leases' });
      await publish('leases', 'work');
      const first = await claimOne('leases', 200);
      const second = await waitUntil(async () => (await subject.broker.claim('leases', { max: 1 }))[0] ?? null);
      expect(second.messageId).toBe(first.messageId);
      expect(second.attempt).toBe(2);
      expect(second.deliveryToken).not.toBe(first.deliveryToken);
      await expect(subject.broker.ack([first])).rejects.toBeInstanceOf(StaleDeliveryError);
      await expect(subject.broker.nack(first)).rejects.toBeInstanceOf(StaleDeliveryError);
      await expect(subject.broker.extendLease(first, 1000)).rejects.toMatchObject({ code: 'stale_delivery', httpStatus: 409 });
      await subject.broker.ack([second]);
    });

    it(differenceTitle('extendLease keeps the lease; housekeeping returns lapsed ones to the queue', differences, 'choresNotCountedByHousekeep'), async () => {
      await subject.broker.declareQueue({ name: 'extend' });
      await publish('extend', 'long work');
      const delivery = await claimOne('extend', 300);
      const until = await subject.broker.extendLease(delivery, 60_000);
      expect(until.getTime()).toBeGreaterThan(delivery.leaseExpiresAt.getTime());
      await publish('extend', 'abandoned');
      const abandoned = await claimOne('extend', 100);
      await passed(abandoned.leaseExpiresAt);
      let returned = 0;
      await waitUntil(async () => {
        returned += (await subject.broker.housekeep({ limit: 1000 })).returnedLeases;
        return (await subject.broker.queueStats('extend')).ready === 1;
      }, 'the lapsed lease to be returned to the queue');
      if (!differences.choresNotCountedByHousekeep) expect(returned).toBe(1);
      expect(await subject.broker.queueStats('extend')).toMatchObject({ ready: 1, inFlight: 1 });
      await expect(subject.broker.ack([abandoned])).rejects.toBeInstanceOf(StaleDeliveryError);
      await subject.broker.ack([delivery]);
    });

    it('dedupe: a live key stores nothing and answers the first id; after ack the key is free', async () => {
      await subject.broker.declareQueue({ name: 'dedupe' });
      const first = await publish('dedupe', 'one', { dedupeKey: 'k1' });
      const concurrent = await Promise.all([publish('dedupe', 'two', { dedupeKey: 'k1' }), publish('dedupe', 'three', { dedupeKey: 'k1' })]);
      const batch = await subject.broker.publishBatch([
        { exchange: '', routingKey: 'dedupe', message: { payload: 'four', dedupeKey: 'k2' } },
        { exchange: '', routingKey: 'dedupe', message: { payload: 'five', dedupeKey: 'k2' } },
      ]);
      expect(concurrent.map((r) => r.messageIds)).toEqual([first.messageIds, first.messageIds]);
      expect(batch[1]?.messageIds).toEqual(batch[0]?.messageIds);
      expect((await subject.broker.peek('dedupe')).map((d) => d.payload)).toEqual(['one', 'four']);
      const delivery = await claimOne('dedupe');
      await subject.broker.ack([delivery]);
      const fresh = await publish('dedupe', 'six', { dedupeKey: 'k1' });
      expect(fresh.messageIds).not.toEqual(first.messageIds);
    });

    it('max length: reject_publish refuses, dead_letter_oldest makes room', async () => {
      await subject.broker.declareQueue({ name: 'bounded', policy: { maxLength: 2 } });
      await publish('bounded', 1);
      await publish('bounded', 2);
      await expect(publish('bounded', 3)).rejects.toMatchObject({ code: 'limit_exceeded', httpStatus: 429 });
      await expect(
        subject.broker.publishBatch([{ exchange: '', routingKey: 'bounded', message: { payload: 4 } }]),
      ).rejects.toMatchObject({ code: 'limit_exceeded' });
      expect((await subject.broker.peek('bounded')).map((d) => d.payload)).toEqual([1, 2]);

      await subject.broker.declareQueue({ name: 'rolling.dlq' });
      await subject.broker.declareQueue({ name: 'rolling', policy: { maxLength: 2, overflow: 'dead_letter_oldest', deadLetterQueue: 'rolling.dlq' } });
      for (const n of [1, 2, 3, 4]) await publish('rolling', n);
      expect((await subject.broker.peek('rolling')).map((d) => d.payload)).toEqual([3, 4]);
      const dead = await subject.broker.peek('rolling.dlq');
      expect(dead.map((d) => [d.payload, d.deaths[0]?.reason])).toEqual([
        [1, 'maxlen'],
        [2, 'maxlen'],
      ]);
    });

    it('publishWithin commits and rolls back with the caller', async () => {
      await subject.broker.declareQueue({ name: 'within' });
      await subject.transaction(async (tx) => {
        await subject.broker.publishWithin(tx, [{ exchange: '', routingKey: 'within', message: { payload: 'kept' } }]);
      });
      await expect(
        subject.transaction(async (tx) => {
          await subject.broker.publishWithin(tx, [{ exchange: '', routingKey: 'within', message: { payload: 'rolled back' } }]);
          throw new Error('caller failed');
        }),
      ).rejects.toThrow('caller failed');
      // A broker that relays publishWithin from an outbox publishes after the commit: wait for it.
      await waitUntil(async () => (await subject.broker.peek('within')).length > 0, 'the committed message');
      expect((await subject.broker.peek('within')).map((d) => d.payload)).toEqual(['kept']);
    });

    it('purge drops unleased messages; stats count them first', async () => {
      await subject.broker.declareQueue({ name: 'purge' });
      await subject.broker.publishBatch([1, 2, 3].map((n) => ({ exchange: '', routingKey: 'purge', message: { payload: n } })));
      const held = await claimOne('purge');
      const stats = await subject.broker.queueStats('purge');
      expect(stats).toMatchObject({ queue: 'purge', ready: 2, inFlight: 1, delayed: 0 });
      expect(stats.publishedPerSecond).toBeGreaterThan(0);
      expect(await subject.broker.purgeQueue('purge')).toBe(2);
      await subject.broker.ack([held]);
      expect((await subject.broker.queueStats('purge')).ackedPerSecond).toBeGreaterThan(0);
    });
  });
}
