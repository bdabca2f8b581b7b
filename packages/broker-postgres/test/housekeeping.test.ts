import { pruneHistory } from '../src/housekeeping';
import { createBrokerFixture, type BrokerFixture } from './broker-fixture';

/** Housekeeping's promises (expiry, lapsed leases) are in the conformance suite; pruning the mq_* history is PostgreSQL's own. */
describe('PostgreSQL broker: pruning history', () => {
  let fixture: BrokerFixture;

  beforeAll(async () => {
    fixture = await createBrokerFixture();
  });
  afterAll(() => fixture.close());

  it('pruneHistory removes silent consumers and old rate buckets, and housekeep prunes when asked', async () => {
    const { broker, db } = fixture;
    await broker.declareQueue({ name: 'listened' });
    const insertOld = async (id: string) => {
      await db.sql`insert into mq_consumers (id, queue, name, host, pid, concurrency, prefetch, heartbeat_at)
        values (${id}, 'listened', 'gone', 'elsewhere', 1, 1, 1, now() - interval '1 hour')`;
      await db.sql`insert into mq_rate_buckets (queue, bucket_start, published, acked) values ('listened', now() - interval '2 days' - ${id === 'a' ? 0 : 1} * interval '1 minute', 5, 5)`;
    };
    await insertOld('a');
    expect(await pruneHistory(db.sql)).toBe(2);
    expect(await broker.listConsumers({ queue: 'listened' })).toEqual([]);
    await insertOld('b');
    expect((await broker.housekeep({ limit: 1000, prune: { rateRetentionMs: 86_400_000, consumerSilenceMs: 60_000 } })).pruned).toBe(2);
  });
});
