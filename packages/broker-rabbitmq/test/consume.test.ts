import { waitFor } from '@interflow/test-kit';
import { createRabbitFixture, type RabbitFixture } from './broker-fixture';

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
});
