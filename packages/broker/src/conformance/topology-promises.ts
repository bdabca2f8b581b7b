import { ConflictError, NotFoundError, ValidationError } from '@interflow/core';
import type { QueuePolicy } from '../broker';
import { DEFAULT_QUEUE_POLICY } from '../queue-policy';
import type { ConformanceHarness, ConformanceSubject } from './harness';

/** Exchanges, queues and bindings: declaration, idempotence, validation and deletion. */
export function describeTopologyPromises(harness: ConformanceHarness): void {
  describe('topology', () => {
    let subject: ConformanceSubject;
    beforeAll(async () => {
      subject = await harness.makeSubject();
    });
    afterAll(() => subject.close());

    it('declaring an exchange is idempotent; another type is a conflict', async () => {
      const { broker } = subject;
      const first = await broker.declareExchange({ name: 'events', type: 'topic' });
      const again = await broker.declareExchange({ name: 'events', type: 'topic' });
      expect(again).toEqual(first);
      await expect(broker.declareExchange({ name: 'events', type: 'fanout' })).rejects.toBeInstanceOf(ConflictError);
      await expect(broker.declareExchange({ name: 'bad', type: 'nope' as 'topic' })).rejects.toBeInstanceOf(ValidationError);
      await expect(broker.declareExchange({ name: 'with-missing-alt', type: 'direct', alternateExchange: 'missing' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(broker.declareExchange({ name: '', type: 'direct' })).rejects.toMatchObject({ httpStatus: 400 });
      expect((await broker.listExchanges()).map((e) => e.name)).toContain('events');
      expect(await broker.getExchange('missing')).toBeNull();
    });

    it('declaring a queue fills defaults and later changes only the fields given', async () => {
      const { broker } = subject;
      const created = await broker.declareQueue({ name: 'orders', policy: { maxAttempts: 7 } });
      expect(created.policy).toEqual({ ...DEFAULT_QUEUE_POLICY, maxAttempts: 7 });
      const changed = await broker.declareQueue({ name: 'orders', policy: { messageTtlMs: 60_000, retryBackoff: { initialDelayMs: 10 } } as Partial<QueuePolicy> });
      expect(changed.policy).toMatchObject({ maxAttempts: 7, messageTtlMs: 60_000, retryBackoff: { ...DEFAULT_QUEUE_POLICY.retryBackoff, initialDelayMs: 10 } });
      expect((await broker.getQueue('orders'))?.policy).toEqual(changed.policy);
      expect((await broker.listQueues()).map((q) => q.name)).toContain('orders');
    });

    it('refuses bad policies naming the field, and dead-letter queues that do not exist or are the queue itself', async () => {
      const { broker } = subject;
      await expect(broker.declareQueue({ name: 'bad', policy: { maxAttempts: 0 } })).rejects.toMatchObject({
        code: 'validation_failed',
        details: [{ field: 'policy.maxAttempts', message: 'must be a positive integer' }],
      });
      await expect(broker.declareQueue({ name: 'bad', policy: { overflow: 'drop' as 'reject_publish' } })).rejects.toBeInstanceOf(ValidationError);
      await expect(broker.declareQueue({ name: 'bad', policy: { deadLetterQueue: 'missing' } })).rejects.toBeInstanceOf(NotFoundError);
      await expect(broker.declareQueue({ name: 'bad', policy: { deadLetterQueue: 'bad' } })).rejects.toBeInstanceOf(ValidationError);
      expect(await broker.getQueue('bad')).toBeNull();
    });

    it('deleting a queue takes its messages and bindings; deleting an exchange takes its bindings', async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'doomed' });
      await broker.declareExchange({ name: 'doomed-x', type: 'fanout' });
      await broker.bind({ exchange: 'doomed-x', queue: 'doomed' });
      await broker.publish({ exchange: 'doomed-x', routingKey: '', message: { payload: 1 } });
      await broker.deleteExchange('doomed-x');
      expect(await broker.listBindings({ queue: 'doomed' })).toEqual([]);
      await broker.deleteQueue('doomed');
      await expect(broker.deleteQueue('doomed')).rejects.toBeInstanceOf(NotFoundError);
      await expect(broker.deleteExchange('doomed-x')).rejects.toBeInstanceOf(NotFoundError);
      await expect(broker.queueStats('doomed')).rejects.toBeInstanceOf(NotFoundError);
      await expect(broker.peek('doomed')).rejects.toBeInstanceOf(NotFoundError);
      await broker.declareQueue({ name: 'doomed' });
      expect(await broker.queueStats('doomed')).toMatchObject({ ready: 0, delayed: 0, inFlight: 0 });
      expect(await broker.peek('doomed')).toEqual([]);
    });

    it('a headers binding needs headers; bad header values are refused', async () => {
      const { broker } = subject;
      await broker.declareExchange({ name: 'hx', type: 'headers' });
      await broker.declareQueue({ name: 'hq' });
      await expect(broker.bind({ exchange: 'hx', queue: 'hq' })).rejects.toBeInstanceOf(ValidationError);
      await expect(
        broker.publish({ exchange: 'hx', routingKey: '', message: { payload: 1, headers: { nested: { a: 1 } as unknown as string } } }),
      ).rejects.toMatchObject({ code: 'validation_failed', details: [{ field: 'message.headers.nested' }] });
    });
  });
}
