import { PassThrough } from 'node:stream';
import amqp from 'amqplib';
import { createLogger } from '@interflow/core';
import { waitFor } from '@interflow/test-kit';
import { AMQP_URL, createRabbitFixture, type RabbitFixture } from './broker-fixture';

/**
 * consume() where RabbitMQ's prefetch meets the contract's leases; everything else a
 * consumer promises is in the conformance suite (conformance.test.ts).
 */
describe('RabbitMQ broker: consume', () => {
  let fixture: RabbitFixture;

  beforeAll(async () => {
    fixture = await createRabbitFixture();
  });
  afterAll(() => fixture.close());

  it('prefetched deliveries keep their place while they wait for a handler, and spend no attempt waiting', async () => {
    const { broker } = fixture;
    await broker.declareQueue({ name: 'kept-prefetch' });
    await broker.publishBatch([1, 2, 3].map((n) => ({ exchange: '', routingKey: 'kept-prefetch', message: { payload: n } })));
    const handled: string[] = [];
    const consumer = broker.consume<number>(
      'kept-prefetch',
      async (delivery, control) => {
        handled.push(`${delivery.payload}#${delivery.attempt}`);
        if (delivery.payload !== 1) return;
        // Hold the only handler slot (its own lease pushed far out) for several lease lengths: the two prefetched deliveries wait.
        await control.extendLease(120_000);
        const until = Date.now() + 3 * 300;
        await waitFor(() => Date.now() > until, { description: 'several lease lengths to pass' });
        expect((await broker.queueStats('kept-prefetch')).inFlight).toBe(3);
      },
      { concurrency: 1, prefetch: 2, leaseMs: 300 },
    );
    await waitFor(async () => {
      const stats = await broker.queueStats('kept-prefetch');
      return stats.ready + stats.inFlight === 0 && handled.length >= 3;
    });
    await consumer.stop();
    expect(handled).toEqual(['1#1', '2#1', '3#1']);
  });

  it('a queue gone from under a consumer: it retries one channel at a time and comes back as exactly one consumer', async () => {
    const { names } = fixture;
    const lines: { message?: string }[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().trim().split('\n').map((line) => JSON.parse(line) as { message?: string })));
    const broker = fixture.otherBroker({ logger: createLogger({ service: 'test', level: 'warn', stream }) });
    await broker.declareQueue({ name: 'vanishing' });
    const handled: string[] = [];
    const consumer = broker.consume<string>('vanishing', async (delivery) => {
      handled.push(delivery.payload);
    }, { concurrency: 2, prefetch: 2 });

    const connection = await amqp.connect(AMQP_URL);
    try {
      const consumers = async () => {
        const channel = await connection.createChannel();
        channel.on('error', () => undefined);
        try {
          return (await channel.checkQueue(names.queue('vanishing'))).consumerCount;
        } catch {
          return 0; // not there (yet)
        } finally {
          await channel.close().catch(() => undefined);
        }
      };
      await waitFor(async () => (await consumers()) === 1, { description: 'the consumer on the queue' });
      // Deleted behind the broker's back, and in its place at once a queue exclusive to another connection: RabbitMQ
      // cancels the consumer, and every reopen fails (405, closing its channel) until that queue is gone.
      const admin = await connection.createChannel();
      await admin.deleteQueue(names.queue('vanishing'));
      await admin.assertQueue(names.queue('vanishing'), { exclusive: true });
      const failed = () => lines.filter((line) => line.message === 'starting a RabbitMQ consumer failed; retrying').length;
      await waitFor(() => failed() >= 4, { timeoutMs: 60_000, description: 'several failed reopens' });
      // Gone: the next reopen meets a 404 and has the queue declared again from the topology record.
      await admin.deleteQueue(names.queue('vanishing'));
      await waitFor(async () => (await consumers()) >= 1, { timeoutMs: 60_000, description: 'the consumer back on the queue' });
      // Openers once doubled with every failure (each one's retry, plus the reopen of the channel it lost): several came back.
      const settled = Date.now() + 3_000;
      await waitFor(() => Date.now() > settled, { description: 'time for any other opener to come back' });
      expect(await consumers()).toBe(1);
      await broker.publish({ exchange: '', routingKey: 'vanishing', message: { payload: 'after' } });
      await waitFor(() => handled.includes('after'), { description: 'a message after the queue came back' });
      await admin.close();
    } finally {
      await consumer.stop();
      await connection.close();
    }
    expect(handled).toEqual(['after']);
  });
});
