import { NotFoundError, ValidationError } from '@interflow/core';
import type { Delivery } from '../broker';
import { UnroutableError } from '../errors';
import type { ConformanceHarness, ConformanceSubject } from './harness';

/** Routing per exchange type, the default exchange, alternate exchanges, mandatory, and what a bad publish stores (nothing). */
export function describeRoutingPromises(harness: ConformanceHarness): void {
  describe('routing', () => {
    let subject: ConformanceSubject;

    beforeAll(async () => {
      subject = await harness.makeSubject();
      const { broker } = subject;
      for (const name of ['q.direct', 'q.fan1', 'q.fan2', 'q.eu', 'q.all', 'q.orders', 'q.hdr.all', 'q.hdr.any', 'q.unrouted']) {
        await broker.declareQueue({ name });
      }
      await broker.declareExchange({ name: 'x.direct', type: 'direct' });
      await broker.declareExchange({ name: 'x.fanout', type: 'fanout' });
      await broker.declareExchange({ name: 'x.topic', type: 'topic' });
      await broker.declareExchange({ name: 'x.headers', type: 'headers' });
      await broker.declareExchange({ name: 'x.unrouted', type: 'fanout' });
      await broker.declareExchange({ name: 'x.with-alternate', type: 'direct', alternateExchange: 'x.unrouted' });
      await broker.bind({ exchange: 'x.direct', queue: 'q.direct', bindingKey: 'invoice.created' });
      await broker.bind({ exchange: 'x.fanout', queue: 'q.fan1' });
      await broker.bind({ exchange: 'x.fanout', queue: 'q.fan2' });
      await broker.bind({ exchange: 'x.topic', queue: 'q.eu', bindingKey: 'order.eu.*' });
      await broker.bind({ exchange: 'x.topic', queue: 'q.all', bindingKey: 'order.#' });
      await broker.bind({ exchange: 'x.topic', queue: 'q.orders', bindingKey: '*.*.created' });
      await broker.bind({ exchange: 'x.headers', queue: 'q.hdr.all', headers: { format: 'pdf', type: 'report' }, headersMatch: 'all' });
      await broker.bind({ exchange: 'x.headers', queue: 'q.hdr.any', headers: { format: 'pdf', type: 'report' }, headersMatch: 'any' });
      await broker.bind({ exchange: 'x.unrouted', queue: 'q.unrouted' });
      await broker.bind({ exchange: 'x.with-alternate', queue: 'q.direct', bindingKey: 'known' });
    });
    afterAll(() => subject.close());

    const payloads = async (queue: string): Promise<unknown[]> => {
      const deliveries: Delivery[] = await subject.broker.peek(queue, { limit: 100 });
      return deliveries.map((d) => d.payload);
    };

    it('direct: routes by equal binding key only', async () => {
      const hit = await subject.broker.publish({ exchange: 'x.direct', routingKey: 'invoice.created', message: { payload: { n: 1 } } });
      const miss = await subject.broker.publish({ exchange: 'x.direct', routingKey: 'invoice.paid', message: { payload: { n: 2 } } });
      expect(hit.queues).toEqual(['q.direct']);
      expect(hit.messageIds).toHaveLength(1);
      expect(miss).toEqual({ messageIds: [], queues: [] });
      expect(await payloads('q.direct')).toEqual([{ n: 1 }]);
    });

    it('fanout: every bound queue gets its own copy', async () => {
      const receipt = await subject.broker.publish({ exchange: 'x.fanout', routingKey: 'ignored', message: { payload: 'hello' } });
      expect([...receipt.queues].sort()).toEqual(['q.fan1', 'q.fan2']);
      expect(new Set(receipt.messageIds).size).toBe(2);
      expect(await payloads('q.fan1')).toEqual(['hello']);
      expect(await payloads('q.fan2')).toEqual(['hello']);
    });

    it('topic: * is one word, # is zero or more', async () => {
      const route = async (routingKey: string) =>
        (await subject.broker.publish({ exchange: 'x.topic', routingKey, message: { payload: routingKey } })).queues.sort();
      expect(await route('order.eu.created')).toEqual(['q.all', 'q.eu', 'q.orders']);
      expect(await route('order.eu')).toEqual(['q.all']);
      expect(await route('order')).toEqual(['q.all']);
      expect(await route('order.eu.de.created')).toEqual(['q.all']);
      expect(await route('invoice.us.created')).toEqual(['q.orders']);
      expect(await route('invoice.eu')).toEqual([]);
    });

    it('headers: x-match all needs every header, any needs one', async () => {
      const route = async (headers: Record<string, string>) =>
        (await subject.broker.publish({ exchange: 'x.headers', routingKey: '', message: { payload: headers, headers } })).queues.sort();
      expect(await route({ format: 'pdf', type: 'report', extra: 'x' })).toEqual(['q.hdr.all', 'q.hdr.any']);
      expect(await route({ format: 'pdf', type: 'log' })).toEqual(['q.hdr.any']);
      expect(await route({ format: 'csv' })).toEqual([]);
    });

    it('default exchange: routes by queue name', async () => {
      const receipt = await subject.broker.publish({ exchange: '', routingKey: 'q.direct', message: { payload: 'by-name' } });
      expect(receipt.queues).toEqual(['q.direct']);
      const nowhere = await subject.broker.publish({ exchange: '', routingKey: 'no-such-queue', message: { payload: 1 } });
      expect(nowhere.messageIds).toEqual([]);
      const mixed = await subject.broker.publishBatch([
        { exchange: '', routingKey: 'q.direct', message: { payload: 'mixed-1' } },
        { exchange: '', routingKey: 'no-such-queue', message: { payload: 'mixed-2' } },
        { exchange: '', routingKey: 'q.direct', message: { payload: 'mixed-3' } },
      ]);
      expect(mixed.map((r) => r.queues)).toEqual([['q.direct'], [], ['q.direct']]);
      const all = await subject.broker.publishBatch(['a', 'b', 'c'].map((payload) => ({ exchange: '', routingKey: 'q.direct', message: { payload } })));
      const ids = all.map((r) => BigInt(r.messageIds[0] ?? '0'));
      expect(ids[0]! < ids[1]! && ids[1]! < ids[2]!).toBe(true);
    });

    it('alternate exchange takes what no binding matches', async () => {
      const matched = await subject.broker.publish({ exchange: 'x.with-alternate', routingKey: 'known', message: { payload: 'k' } });
      const unmatched = await subject.broker.publish({ exchange: 'x.with-alternate', routingKey: 'unknown', message: { payload: 'u' } });
      expect(matched.queues).toEqual(['q.direct']);
      expect(unmatched.queues).toEqual(['q.unrouted']);
      expect(await payloads('q.unrouted')).toEqual(['u']);
    });

    it('mandatory: a publication that routes nowhere fails with UnroutableError and stores nothing', async () => {
      await expect(
        subject.broker.publish({ exchange: 'x.direct', routingKey: 'nobody.listens', mandatory: true, message: { payload: 1 } }),
      ).rejects.toBeInstanceOf(UnroutableError);
      await expect(subject.broker.publish({ exchange: '', routingKey: 'missing-queue', mandatory: true, message: { payload: 1 } })).rejects.toMatchObject({
        code: 'unroutable',
      });
    });

    it('a missing exchange is a 404 and a bad priority a 400; neither stores anything', async () => {
      const before = (await subject.broker.queueStats('q.fan1')).ready;
      await expect(subject.broker.publish({ exchange: 'x.nope', routingKey: '', message: { payload: 1 } })).rejects.toMatchObject({
        httpStatus: 404,
        code: 'not_found',
      });
      await expect(subject.broker.publish({ exchange: 'x.fanout', routingKey: '', message: { payload: 1, priority: 9 } })).rejects.toBeInstanceOf(ValidationError);
      await expect(
        subject.broker.publishBatch([
          { exchange: 'x.fanout', routingKey: '', message: { payload: 'fine' } },
          { exchange: 'x.nope', routingKey: '', message: { payload: 'bad' } },
        ]),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect((await subject.broker.queueStats('q.fan1')).ready).toBe(before);
    });

    it('concurrent single publishes share commits but fail alone', async () => {
      const results = await Promise.allSettled([
        subject.broker.publish({ exchange: 'x.fanout', routingKey: '', message: { payload: 'a' } }),
        subject.broker.publish({ exchange: 'x.nope', routingKey: '', message: { payload: 'b' } }),
        subject.broker.publish({ exchange: 'x.fanout', routingKey: '', message: { payload: 'c' } }),
        subject.broker.publish({ exchange: 'x.fanout', routingKey: '', message: { payload: { big: BigInt(1) } } }),
        subject.broker.publish({ exchange: 'x.fanout', routingKey: '', message: { payload: null } }),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
      expect(results[1]).toMatchObject({ reason: { code: 'not_found' } });
      expect(results[3]).toMatchObject({ reason: { code: 'validation_failed' } });
      const payloads = (await subject.broker.peek('q.fan2', { limit: 100 })).map((d) => d.payload);
      expect(payloads).toEqual(expect.arrayContaining(['a', 'c', null]));
      expect(payloads).not.toContain('b');
    });

    it('bindings are listed, deduplicated and removable', async () => {
      const first = await subject.broker.bind({ exchange: 'x.direct', queue: 'q.fan1', bindingKey: 'k' });
      const again = await subject.broker.bind({ exchange: 'x.direct', queue: 'q.fan1', bindingKey: 'k' });
      expect(again.id).toBe(first.id);
      expect((await subject.broker.listBindings({ queue: 'q.fan1' })).map((b) => b.id)).toContain(first.id);
      await subject.broker.unbind(first.id);
      expect((await subject.broker.listBindings({ queue: 'q.fan1' })).map((b) => b.id)).not.toContain(first.id);
      await expect(subject.broker.unbind(first.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(subject.broker.bind({ exchange: 'x.direct', queue: 'q.missing' })).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
