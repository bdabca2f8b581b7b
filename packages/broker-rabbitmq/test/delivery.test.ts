import { StaleDeliveryError, type Delivery } from '@interflow/broker';
import { waitFor } from '@interflow/test-kit';
import { createRabbitFixture, type RabbitFixture } from './broker-fixture';

describe('RabbitMQ broker: claiming and settling', () => {
  let fixture: RabbitFixture;
  const publish = (queue: string, payload: unknown, message: Record<string, unknown> = {}) =>
    fixture.broker.publish({ exchange: '', routingKey: queue, mandatory: true, message: { payload, ...message } });
  const claimOne = async (queue: string, leaseMs?: number): Promise<Delivery> => {
    const [delivery] = await fixture.broker.claim(queue, { max: 1, leaseMs });
    if (!delivery) throw new Error(`nothing to claim in ${queue}`);
    return delivery;
  };

  beforeAll(async () => {
    fixture = await createRabbitFixture({ random: () => 0 });
  });
  afterAll(() => fixture.close());

  it('claims by priority, then age', async () => {
    await fixture.broker.declareQueue({ name: 'prio' });
    await publish('prio', 'low-old', { priority: 1 });
    await publish('prio', 'mid-old', { priority: 3 });
    await publish('prio', 'high', { priority: 5 });
    await publish('prio', 'mid-new', { priority: 3 });
    await publish('prio', 'low-new', { priority: 1 });
    const order: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      const delivery = await claimOne('prio');
      order.push(delivery.payload);
      await fixture.broker.ack([delivery]);
    }
    expect(order).toEqual(['high', 'mid-old', 'mid-new', 'low-old', 'low-new']);
    const batch = await Promise.all(['a', 'b', 'c'].map((p, i) => publish('prio', p, { priority: i + 1 })));
    expect(batch).toHaveLength(3);
    expect((await fixture.broker.claim('prio', { max: 10 })).map((d) => d.payload)).toEqual(['c', 'b', 'a']);
  });

  it('a delayed message is invisible until its time', async () => {
    await fixture.broker.declareQueue({ name: 'delay' });
    await publish('delay', 'later', { delayMs: 1500 });
    await publish('delay', 'future', { notBefore: new Date(Date.now() + 3_600_000) });
    expect(await fixture.broker.claim('delay', { max: 10 })).toEqual([]);
    const stats = await fixture.broker.queueStats('delay');
    expect(stats).toMatchObject({ ready: 0, delayed: 2, inFlight: 0 });
    const [delivery] = await waitFor(async () => {
      const claimed = await fixture.broker.claim('delay', { max: 10 });
      return claimed.length > 0 ? claimed : null;
    });
    expect(delivery?.payload).toBe('later');
  });

  it('ack removes the message; a second ack with the same token is refused', async () => {
    await fixture.broker.declareQueue({ name: 'acks' });
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
    await fixture.broker.ack([delivery]);
    await expect(fixture.broker.ack([delivery])).rejects.toBeInstanceOf(StaleDeliveryError);
    expect(await fixture.broker.queueStats('acks')).toMatchObject({ ready: 0, inFlight: 0, delayed: 0 });
  });

  it('an expired lease makes the message claimable again, and the old token is stale', async () => {
    await fixture.broker.declareQueue({ name: 'leases' });
    await publish('leases', 'work');
    const first = await claimOne('leases', 200);
    const second = await waitFor(async () => (await fixture.broker.claim('leases', { max: 1 }))[0] ?? null);
    expect(second.messageId).toBe(first.messageId);
    expect(second.attempt).toBe(2);
    expect(second.deliveryToken).not.toBe(first.deliveryToken);
    await expect(fixture.broker.ack([first])).rejects.toBeInstanceOf(StaleDeliveryError);
    await expect(fixture.broker.nack(first)).rejects.toBeInstanceOf(StaleDeliveryError);
    await expect(fixture.broker.extendLease(first, 1000)).rejects.toMatchObject({ code: 'stale_delivery', httpStatus: 409 });
    await fixture.broker.ack([second]);
  });

  it('extendLease keeps the lease; a lapsed lease returns its message to the queue', async () => {
    await fixture.broker.declareQueue({ name: 'extend' });
    await publish('extend', 'long work');
    const delivery = await claimOne('extend', 300);
    const until = await fixture.broker.extendLease(delivery, 60_000);
    expect(until.getTime()).toBeGreaterThan(delivery.leaseExpiresAt.getTime());
    await publish('extend', 'abandoned');
    const abandoned = await claimOne('extend', 100);
    await waitFor(async () => (await fixture.broker.queueStats('extend')).ready === 1);
    expect(await fixture.broker.queueStats('extend')).toMatchObject({ ready: 1, inFlight: 1 });
    await expect(fixture.broker.ack([abandoned])).rejects.toBeInstanceOf(StaleDeliveryError);
    await fixture.broker.ack([delivery]);
  });

  it('nack retries after the backoff, then dead-letters after max attempts', async () => {
    await fixture.broker.declareQueue({ name: 'retry.dlq' });
    await fixture.broker.declareQueue({
      name: 'retry',
      policy: { maxAttempts: 2, deadLetterQueue: 'retry.dlq', retryBackoff: { initialDelayMs: 300, multiplier: 2, maxDelayMs: 1000, jitter: 0 } },
    });
    await publish('retry', 'flaky');
    const first = await claimOne('retry');
    await fixture.broker.nack(first, { reason: 'boom 1' });
    expect(await fixture.broker.claim('retry', { max: 1 })).toEqual([]);
    expect((await fixture.broker.queueStats('retry')).delayed).toBe(1);
    const second = await waitFor(async () => (await fixture.broker.claim('retry', { max: 1 }))[0] ?? null);
    expect(second.attempt).toBe(2);
    await fixture.broker.nack(second, { reason: 'boom 2' });
    const dead = await claimOne('retry.dlq');
    expect(dead.messageId).toBe(first.messageId);
    expect(dead.deaths).toEqual([expect.objectContaining({ queue: 'retry', reason: 'max_attempts', count: 1 })]);
    expect(dead.deaths[0]?.detail).toContain('boom 2');
    expect((await fixture.broker.queueStats('retry')).dead).toBe(1);
    await fixture.broker.ack([dead]);
  });

  it('a nack that does not count an attempt never dead-letters (rate limited)', async () => {
    await fixture.broker.declareQueue({ name: 'limited.dlq' });
    await fixture.broker.declareQueue({ name: 'limited', policy: { maxAttempts: 1, deadLetterQueue: 'limited.dlq' } });
    await publish('limited', 'x');
    for (let i = 0; i < 3; i++) {
      const delivery = await claimOne('limited');
      expect(delivery.attempt).toBe(1);
      await fixture.broker.nack(delivery, { countAttempt: false, delayMs: 0 });
    }
    expect(await fixture.broker.queueStats('limited')).toMatchObject({ ready: 1, dead: 0 });
  });

  it('reject dead-letters at once with an x-death record; redrive brings it back', async () => {
    await fixture.broker.declareQueue({ name: 'rej.dlq' });
    await fixture.broker.declareQueue({ name: 'rej', policy: { deadLetterQueue: 'rej.dlq' } });
    await publish('rej', { poison: true });
    const delivery = await claimOne('rej');
    await fixture.broker.reject(delivery, 'cannot parse');
    await expect(fixture.broker.reject(delivery, 'again')).rejects.toBeInstanceOf(StaleDeliveryError);
    const [dead] = await fixture.broker.peek('rej.dlq');
    expect(dead?.deaths).toEqual([{ queue: 'rej', reason: 'rejected', count: 1, time: expect.any(String), detail: 'cannot parse' }]);
    expect(await fixture.broker.redrive('rej.dlq')).toBe(1);
    const again = await claimOne('rej');
    expect(again.messageId).toBe(delivery.messageId);
    expect(again.attempt).toBe(1);
    await fixture.broker.reject(again, 'still bad');
    const [twice] = await fixture.broker.peek('rej.dlq');
    expect(twice?.deaths.map((d) => [d.reason, d.count])).toEqual([
      ['rejected', 1],
      ['rejected', 2],
    ]);
  });

  it('TTL: expired messages are never claimed and expire into the dead-letter queue', async () => {
    await fixture.broker.declareQueue({ name: 'ttl.dlq' });
    await fixture.broker.declareQueue({ name: 'ttl', policy: { messageTtlMs: 200, deadLetterQueue: 'ttl.dlq' } });
    await publish('ttl', 'stale soon');
    await publish('ttl', 'own ttl', { ttlMs: 100 });
    const dead = await waitFor(async () => {
      const peeked = await fixture.broker.peek('ttl.dlq');
      return peeked.length === 2 ? peeked : null;
    });
    expect(await fixture.broker.claim('ttl', { max: 10 })).toEqual([]);
    expect(dead.map((d) => d.payload).sort()).toEqual(['own ttl', 'stale soon']);
    expect(dead.every((d) => d.deaths[0]?.reason === 'expired' && d.deaths[0]?.queue === 'ttl')).toBe(true);
  });

  it('TTL: a delayed message that expires while it waits is dead-lettered as expired, never handed over', async () => {
    await fixture.broker.declareQueue({ name: 'ttl-delayed.dlq' });
    await fixture.broker.declareQueue({ name: 'ttl-delayed', policy: { deadLetterQueue: 'ttl-delayed.dlq' } });
    await publish('ttl-delayed', 'too late', { delayMs: 300, ttlMs: 100 });
    await waitFor(async () => (await fixture.broker.queueStats('ttl-delayed')).delayed === 0);
    await waitFor(async () => {
      expect(await fixture.broker.claim('ttl-delayed', { max: 10 })).toEqual([]);
      return (await fixture.broker.peek('ttl-delayed.dlq')).length === 1;
    });
    const [dead] = await fixture.broker.peek('ttl-delayed.dlq');
    expect(dead).toMatchObject({ payload: 'too late', deaths: [expect.objectContaining({ queue: 'ttl-delayed', reason: 'expired' })] });
  });

  it('dedupe: a live key stores nothing and answers the first id; after ack the key is free', async () => {
    await fixture.broker.declareQueue({ name: 'dedupe' });
    const first = await publish('dedupe', 'one', { dedupeKey: 'k1' });
    const concurrent = await Promise.all([publish('dedupe', 'two', { dedupeKey: 'k1' }), publish('dedupe', 'three', { dedupeKey: 'k1' })]);
    const batch = await fixture.broker.publishBatch([
      { exchange: '', routingKey: 'dedupe', message: { payload: 'four', dedupeKey: 'k2' } },
      { exchange: '', routingKey: 'dedupe', message: { payload: 'five', dedupeKey: 'k2' } },
    ]);
    expect(concurrent.map((r) => r.messageIds)).toEqual([first.messageIds, first.messageIds]);
    expect(batch[1]?.messageIds).toEqual(batch[0]?.messageIds);
    expect((await fixture.broker.peek('dedupe')).map((d) => d.payload)).toEqual(['one', 'four']);
    const delivery = await claimOne('dedupe');
    await fixture.broker.ack([delivery]);
    const fresh = await publish('dedupe', 'six', { dedupeKey: 'k1' });
    expect(fresh.messageIds).not.toEqual(first.messageIds);
  });

  it('max length: reject_publish refuses, dead_letter_oldest makes room', async () => {
    await fixture.broker.declareQueue({ name: 'bounded', policy: { maxLength: 2 } });
    await publish('bounded', 1);
    await publish('bounded', 2);
    await expect(publish('bounded', 3)).rejects.toMatchObject({ code: 'limit_exceeded', httpStatus: 429 });
    await expect(
      fixture.broker.publishBatch([{ exchange: '', routingKey: 'bounded', message: { payload: 4 } }]),
    ).rejects.toMatchObject({ code: 'limit_exceeded' });
    expect((await fixture.broker.peek('bounded')).map((d) => d.payload)).toEqual([1, 2]);

    await fixture.broker.declareQueue({ name: 'rolling.dlq' });
    await fixture.broker.declareQueue({ name: 'rolling', policy: { maxLength: 2, overflow: 'dead_letter_oldest', deadLetterQueue: 'rolling.dlq' } });
    for (const n of [1, 2, 3, 4]) await publish('rolling', n);
    expect((await fixture.broker.peek('rolling')).map((d) => d.payload)).toEqual([3, 4]);
    const dead = await fixture.broker.peek('rolling.dlq');
    expect(dead.map((d) => [d.payload, d.deaths[0]?.reason])).toEqual([
      [1, 'maxlen'],
      [2, 'maxlen'],
    ]);
  });

  it('publishWithin commits and rolls back with the caller', async () => {
    await fixture.broker.declareQueue({ name: 'within' });
    await fixture.db.sql.begin(async (tx) => {
      await fixture.broker.publishWithin(tx, [{ exchange: '', routingKey: 'within', message: { payload: 'kept' } }]);
    });
    await expect(
      fixture.db.sql.begin(async (tx) => {
        await fixture.broker.publishWithin(tx, [{ exchange: '', routingKey: 'within', message: { payload: 'rolled back' } }]);
        throw new Error('caller failed');
      }),
    ).rejects.toThrow('caller failed');
    await waitFor(async () => (await fixture.broker.peek('within')).length > 0);
    expect((await fixture.broker.peek('within')).map((d) => d.payload)).toEqual(['kept']);
    expect(await fixture.db.sql`select 1 from rabbitmq_outbox`).toHaveLength(0);
  });

  it('purge drops unleased messages; stats count them first', async () => {
    await fixture.broker.declareQueue({ name: 'purge' });
    await fixture.broker.publishBatch([1, 2, 3].map((n) => ({ exchange: '', routingKey: 'purge', message: { payload: n } })));
    const held = await claimOne('purge');
    const stats = await fixture.broker.queueStats('purge');
    expect(stats).toMatchObject({ queue: 'purge', ready: 2, inFlight: 1, delayed: 0 });
    expect(stats.publishedPerSecond).toBeGreaterThan(0);
    expect(await fixture.broker.purgeQueue('purge')).toBe(2);
    await fixture.broker.ack([held]);
    expect((await fixture.broker.queueStats('purge')).ackedPerSecond).toBeGreaterThan(0);
  });
});
