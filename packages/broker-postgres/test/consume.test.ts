import { waitFor } from '@interflow/test-kit';
import { createBrokerFixture, type BrokerFixture } from './broker-fixture';

/** What only the mq_messages rows show; the consume promises themselves are in the conformance suite. */
describe('PostgreSQL broker: consume, as the rows show it', () => {
  let fixture: BrokerFixture;

  beforeAll(async () => {
    fixture = await createBrokerFixture();
  });
  afterAll(() => fixture.close());

  it('prefetched deliveries keep their leases while they wait for a handler, and spend no attempt waiting', async () => {
    const { broker, db } = fixture;
    await broker.declareQueue({ name: 'kept-prefetch' });
    await broker.publishBatch([1, 2, 3].map((n) => ({ exchange: '', routingKey: 'kept-prefetch', message: { payload: n } })));
    const handled: string[] = [];
    const leasesOfWaiting = () => db.sql<{ lease_expires_at: Date }[]>`
      select lease_expires_at from mq_messages where queue = 'kept-prefetch' and payload in ('2', '3') and lease_token is not null`;
    let firstSeen: Date | null = null;
    const consumer = broker.consume<number>(
      'kept-prefetch',
      async (delivery, control) => {
        handled.push(`${delivery.payload}#${delivery.attempt}`);
        if (delivery.payload !== 1) return;
        // Hold the only handler slot (its own lease pushed far out) for several leases: the two prefetched deliveries wait.
        await control.extendLease(120_000);
        const first = await waitFor(async () => {
          const rows = await leasesOfWaiting();
          return rows.length === 2 ? rows : null;
        });
        firstSeen = new Date(Math.min(...first.map((row) => row.lease_expires_at.getTime())));
        await waitFor(async () => {
          const rows = await leasesOfWaiting();
          return rows.length === 2 && rows.every((row) => row.lease_expires_at.getTime() > (firstSeen?.getTime() ?? 0) + 3000);
        }, { description: 'the waiting leases to be kept well past their first deadline' });
      },
      { concurrency: 1, prefetch: 2, leaseMs: 1500 },
    );
    await waitFor(async () => {
      const stats = await broker.queueStats('kept-prefetch');
      return stats.ready + stats.inFlight === 0 && handled.length >= 3;
    });
    await consumer.stop();
    expect(handled).toEqual(['1#1', '2#1', '3#1']);
  });
});
