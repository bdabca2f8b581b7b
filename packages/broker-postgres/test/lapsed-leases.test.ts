import type { Delivery } from '@interflow/broker';
import { returnLapsedLeases } from '../src/housekeeping';
import { waitFor } from '@interflow/test-kit';
import { claimMessages, settleAndClaim } from '../src/claim-sql';
import { createBrokerFixture, type BrokerFixture } from './broker-fixture';

/** Issue 9, item 6: a lapsed lease settles nothing, and only a hand-over spends an attempt. */
describe('PostgreSQL broker: lapsed leases and attempt accounting', () => {
  let fixture: BrokerFixture;
  const publish = (queue: string, payload: unknown) =>
    fixture.broker.publish({ exchange: '', routingKey: queue, mandatory: true, message: { payload } });
  const lapsed = (delivery: Delivery) =>
    waitFor(async () => (await fixture.db.sql`select 1 from mq_messages where id = ${delivery.messageId} and lease_expires_at <= now()`).length === 1, {
      description: 'the lease to lapse',
    });

  beforeAll(async () => {
    fixture = await createBrokerFixture({ random: () => 0 });
  });
  afterAll(() => fixture.close());

  it('a lease that lapses before its hand-over was recorded gives its attempt back and never exhausts the message', async () => {
    const { broker, db } = fixture;
    await broker.declareQueue({ name: 'prefetched.dead' });
    await broker.declareQueue({ name: 'prefetched', policy: { maxAttempts: 1, deadLetterQueue: 'prefetched.dead' } });
    await publish('prefetched', 'waiting');
    // A consumer claims into its prefetch buffer and dies before handing it over.
    const [buffered] = await claimMessages(db.sql, { queue: 'prefetched', max: 1, leaseMs: 200, consumerId: 'dead-consumer', handedOver: false });
    if (!buffered) throw new Error('nothing claimed');
    expect(buffered).toMatchObject({ attempt: 1, recovered: false });
    await lapsed(buffered);
    expect(await returnLapsedLeases(db.sql)).toBe(1);
    expect(await broker.queueStats('prefetched')).toMatchObject({ ready: 1, dead: 0 });
    // Its next consumer sees it recovered, still on its first attempt, and records the hand-over.
    const [recovered] = await claimMessages(db.sql, { queue: 'prefetched', max: 1, leaseMs: 200, consumerId: 'next', handedOver: false });
    if (!recovered) throw new Error('nothing claimed');
    expect(recovered).toMatchObject({ messageId: buffered.messageId, attempt: 1, recovered: true });
    const recorded = await settleAndClaim(db.sql, { acks: [], handOvers: [recovered], claim: null });
    expect(recorded.handedOver.get(recovered.messageId)).toBe(1);
    // That consumer dies too: this time the attempt counts, and it was the last one.
    await lapsed(recovered);
    expect(await returnLapsedLeases(db.sql)).toBe(1);
    const [dead] = await broker.peek('prefetched.dead');
    expect(dead?.deaths[0]).toMatchObject({ reason: 'max_attempts', detail: 'lease expired on the last attempt' });
  });

  it('a hand-over is not recorded for a lapsed lease', async () => {
    const { broker, db } = fixture;
    await broker.declareQueue({ name: 'late-hand-over' });
    await publish('late-hand-over', 'late');
    const [buffered] = await claimMessages(db.sql, { queue: 'late-hand-over', max: 1, leaseMs: 200, consumerId: 'slow', handedOver: false });
    if (!buffered) throw new Error('nothing claimed');
    await lapsed(buffered);
    const recorded = await settleAndClaim(db.sql, { acks: [buffered], handOvers: [buffered], claim: null });
    expect(recorded.handedOver.size).toBe(0);
    expect(recorded.ackedIds.size).toBe(0);
  });
});
