import { PermanentError, RateLimitedError } from '@interflow/core';
import type { Delivery } from '../broker';
import type { ConformanceHarness, ConformanceSubject } from './harness';
import { waitUntil } from './wait-until';
import { differenceTitle } from './differences';

/** consume(): reply-to, handler outcomes, DeliveryControl, exclusivity across processes, lapsed leases, stop semantics. */
export function describeConsumePromises(harness: ConformanceHarness): void {
  const differences = harness.differences ?? {};
  describe('consume', () => {
    let subject: ConformanceSubject;

    beforeAll(async () => {
      subject = await harness.makeSubject();
    });
    afterAll(() => subject.close());

    it('reply-to round trip: a handler answers on the reply queue with the correlation id', async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'rpc.requests' });
      await broker.declareQueue({ name: 'rpc.replies' });
      const server = broker.consume<{ n: number }>('rpc.requests', async (delivery) => {
        if (!delivery.replyTo) throw new PermanentError('no reply-to');
        await broker.publish({
          exchange: '',
          routingKey: delivery.replyTo,
          mandatory: true,
          message: { payload: { doubled: delivery.payload.n * 2 }, correlationId: delivery.correlationId ?? undefined },
        });
      });
      const replies: Delivery[] = [];
      const client = broker.consume('rpc.replies', async (delivery) => {
        replies.push(delivery);
      });
      await broker.publish({ exchange: '', routingKey: 'rpc.requests', message: { payload: { n: 21 }, replyTo: 'rpc.replies', correlationId: 'req-1' } });
      const reply = await waitUntil(() => replies[0]);
      expect(reply).toMatchObject({ payload: { doubled: 42 }, correlationId: 'req-1' });
      await Promise.all([server.stop(), client.stop()]);
      await waitUntil(async () => (await broker.queueStats('rpc.requests')).inFlight === 0);
    });

    it('handler outcomes: return acks, PermanentError rejects, RateLimitedError retries without an attempt, other errors nack', async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'outcomes.dlq' });
      await broker.declareQueue({
        name: 'outcomes',
        policy: { maxAttempts: 2, deadLetterQueue: 'outcomes.dlq', retryBackoff: { initialDelayMs: 10, multiplier: 1, maxDelayMs: 10, jitter: 0 } },
      });
      const seen: string[] = [];
      const consumer = broker.consume<string>(
        'outcomes',
        async (delivery) => {
          seen.push(`${delivery.payload}#${delivery.attempt}`);
          if (delivery.payload === 'permanent') throw new PermanentError('bad input');
          if (delivery.payload === 'limited' && seen.filter((s) => s.startsWith('limited')).length < 3) throw new RateLimitedError('slow down', 10);
          if (delivery.payload === 'flaky') throw new Error('always fails');
        },
        { concurrency: 2 },
      );
      for (const payload of ['ok', 'permanent', 'limited', 'flaky']) await broker.publish({ exchange: '', routingKey: 'outcomes', message: { payload } });
      await waitUntil(async () => {
        const stats = await broker.queueStats('outcomes');
        return stats.ready + stats.delayed + stats.inFlight === 0;
      });
      await consumer.stop();
      expect(seen.filter((s) => s.startsWith('limited'))).toEqual(['limited#1', 'limited#1', 'limited#1']);
      expect(seen.filter((s) => s.startsWith('flaky'))).toEqual(['flaky#1', 'flaky#2']);
      const dead = await broker.peek('outcomes.dlq');
      expect(dead.map((d) => [d.payload, d.deaths[0]?.reason]).sort()).toEqual([
        ['flaky', 'max_attempts'],
        ['permanent', 'rejected'],
      ]);
    });

    it('DeliveryControl: explicit settling and lease extension', async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'control.dlq' });
      await broker.declareQueue({ name: 'control', policy: { deadLetterQueue: 'control.dlq' } });
      const extended: Date[] = [];
      const consumer = broker.consume<string>('control', async (delivery, control) => {
        extended.push(await control.extendLease(120_000));
        if (delivery.payload === 'reject-me') await control.reject('explicitly');
        else await control.ack();
      });
      await broker.publish({ exchange: '', routingKey: 'control', message: { payload: 'reject-me' } });
      await broker.publish({ exchange: '', routingKey: 'control', message: { payload: 'ack-me' } });
      // one stats snapshot: two calls could see the message ready, then in flight, and sum 0
      await waitUntil(async () => {
        const stats = await broker.queueStats('control');
        return stats.inFlight + stats.ready === 0;
      });
      await consumer.stop();
      expect(extended).toHaveLength(2);
      expect((await broker.peek('control.dlq')).map((d) => d.deaths[0]?.detail)).toEqual(['explicitly']);
    });

    it('two consumers never hold the same message at once', async () => {
      await subject.broker.declareQueue({ name: 'exclusive' });
      const other = subject.otherBroker();
      const holding = new Set<string>();
      let overlaps = 0;
      let handled = 0;
      const handler = async (delivery: Delivery) => {
        if (holding.has(delivery.messageId)) overlaps++;
        holding.add(delivery.messageId);
        await new Promise((resolve) => setImmediate(resolve));
        holding.delete(delivery.messageId);
        handled++;
      };
      const consumers = [
        subject.broker.consume('exclusive', handler, { concurrency: 4, prefetch: 8 }),
        other.consume('exclusive', handler, { concurrency: 4, prefetch: 8 }),
      ];
      await subject.broker.publishBatch(Array.from({ length: 500 }, (_, n) => ({ exchange: '', routingKey: 'exclusive', message: { payload: n } })));
      await waitUntil(() => handled >= 500);
      await Promise.all(consumers.map((c) => c.stop()));
      expect(overlaps).toBe(0);
      expect(handled).toBe(500);
    });

    it('2,000 messages published concurrently from several clients are each handled exactly once', async () => {
      await subject.broker.declareQueue({ name: 'many' });
      const publishers = [subject.broker, subject.otherBroker(), subject.otherBroker()];
      const consumerBroker = subject.otherBroker();
      const counts = new Map<number, number>();
      const consumer = consumerBroker.consume<number>(
        'many',
        async (delivery) => {
          counts.set(delivery.payload, (counts.get(delivery.payload) ?? 0) + 1);
        },
        { concurrency: 16, prefetch: 32 },
      );
      const second = subject.broker.consume<number>(
        'many',
        async (delivery) => {
          counts.set(delivery.payload, (counts.get(delivery.payload) ?? 0) + 1);
        },
        { concurrency: 8, prefetch: 16 },
      );
      const total = 2_000;
      await Promise.all(
        publishers.map(async (publisher, p) => {
          const mine = Array.from({ length: total }, (_, n) => n).filter((n) => n % publishers.length === p);
          // Half as single publishes racing each other (group commit), half in batches.
          const half = Math.floor(mine.length / 2);
          await Promise.all(mine.slice(0, half).map((n) => publisher.publish({ exchange: '', routingKey: 'many', message: { payload: n } })));
          for (let i = half; i < mine.length; i += 250) {
            await publisher.publishBatch(mine.slice(i, i + 250).map((n) => ({ exchange: '', routingKey: 'many', message: { payload: n } })));
          }
        }),
      );
      await waitUntil(() => counts.size >= total, 'every message to be handled', 120_000);
      await Promise.all([consumer.stop(), second.stop()]);
      await waitUntil(async () => {
        const stats = await subject.broker.queueStats('many');
        return stats.ready + stats.inFlight + stats.delayed === 0;
      });
      expect(counts.size).toBe(total);
      expect([...counts.values()].every((count) => count === 1)).toBe(true);
    });

    it(differenceTitle('a handler that returns after its lease lapsed is not acked: the message comes again, recovered', differences, 'lapsedLeaseAlwaysCountsAttempt'), async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'late-return' });
      await broker.publish({ exchange: '', routingKey: 'late-return', message: { payload: 'slow' } });
      const handled: string[] = [];
      const consumer = broker.consume<string>(
        'late-return',
        async (delivery, control) => {
          handled.push(`${delivery.payload}#${delivery.attempt}#${delivery.recovered}`);
          if (!delivery.recovered) {
            await new Promise((resolve) => control.signal.addEventListener('abort', resolve, { once: true }));
          }
        },
        { concurrency: 1, prefetch: 0, leaseMs: 300 },
      );
      await waitUntil(async () => handled.length >= 2 && (await broker.queueStats('late-return')).inFlight === 0);
      await consumer.stop();
      // PostgreSQL: the first delivery gave up on its lapsed lease before its hand-over was
      // recorded, so the attempt was given back; the second, recovered, ran alone and was acked.
      const recoveredAttempt = differences.lapsedLeaseAlwaysCountsAttempt ? 2 : 1;
      expect(handled).toEqual(['slow#1#false', `slow#${recoveredAttempt}#true`]);
    });

    it('stop() finishes in-flight handlers, claims nothing more and leaves the rest in the queue', async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'graceful' });
      await broker.publishBatch(Array.from({ length: 20 }, (_, n) => ({ exchange: '', routingKey: 'graceful', message: { payload: n } })));
      let started = 0;
      let finished = 0;
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const consumer = broker.consume('graceful', async () => {
        started++;
        await gate;
        finished++;
      }, { concurrency: 2, prefetch: 4, consumerName: 'graceful-test' });
      await waitUntil(() => started === 2);
      expect((await broker.listConsumers({ queue: 'graceful' })).map((c) => c.name)).toEqual(['graceful-test']);
      const stopping = consumer.stop();
      release();
      await stopping;
      expect(finished).toBe(2);
      expect(await broker.queueStats('graceful')).toMatchObject({ ready: 18, inFlight: 0 });
      expect(await broker.listConsumers({ queue: 'graceful' })).toEqual([]);
    });
  });
}
