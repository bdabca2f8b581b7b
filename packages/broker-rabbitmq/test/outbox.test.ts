import { waitFor } from '@interflow/test-kit';
import { createRabbitFixture, type RabbitFixture } from './broker-fixture';

/** publishWithin on RabbitMQ: an outbox row in the caller's transaction, relayed with confirms after the commit. */
describe('RabbitMQ broker: transactional outbox', () => {
  let fixture: RabbitFixture;

  beforeAll(async () => {
    // Sweeps only when the test says so, so which relay sends first is decided by the test.
    fixture = await createRabbitFixture({ outboxSweepAgeMs: 0, outboxSweepIntervalMs: 3_600_000 });
    await fixture.broker.declareQueue({ name: 'outbox' });
  });
  afterAll(() => fixture.close());

  const outboxRows = async () => (await fixture.db.sql`select count(*)::int as n from rabbitmq_outbox`)[0]!.n as number;

  it('a crash between the commit and the publish loses nothing: another process relays the row', async () => {
    const crashing = fixture.otherBroker({ outboxRelayCrashAt: 'before-publish', outboxSweepIntervalMs: 3_600_000 });
    const [receipt] = await fixture.db.sql.begin((tx) => crashing.publishWithin(tx, [{ exchange: '', routingKey: 'outbox', message: { payload: 'survives' } }]));
    expect(receipt?.queues).toEqual(['outbox']);
    // The crashing relay never sends; the row stays until the healthy broker's sweep sends it.
    expect(await outboxRows()).toBe(1);
    await waitFor(async () => (await fixture.broker.sweepOutbox()) === 1, { description: 'the sweep to relay the row' });
    await waitFor(async () => (await outboxRows()) === 0);
    const [message] = await fixture.broker.peek('outbox');
    expect(message).toMatchObject({ messageId: receipt?.messageIds[0], payload: 'survives' });
    await fixture.broker.purgeQueue('outbox');
  });

  it('a crash between the publish and the delete sends the message again: a duplicate with the same id, nothing lost', async () => {
    const crashing = fixture.otherBroker({ outboxRelayCrashAt: 'after-publish', outboxSweepIntervalMs: 3_600_000 });
    const [receipt] = await fixture.db.sql.begin((tx) => crashing.publishWithin(tx, [{ exchange: '', routingKey: 'outbox', message: { payload: 'twice' } }]));
    await waitFor(async () => (await fixture.broker.peek('outbox')).length === 1, { description: 'the crashing relay to send before it crashes' });
    expect(await outboxRows()).toBe(1);
    await waitFor(async () => (await fixture.broker.sweepOutbox()) === 1, { description: 'the healthy sweep to relay the row again' });
    expect(await outboxRows()).toBe(0);
    const copies = await waitFor(async () => {
      const peeked = await fixture.broker.peek('outbox');
      return peeked.length === 2 ? peeked : null;
    });
    expect(copies.map((copy) => copy.messageId)).toEqual([receipt?.messageIds[0], receipt?.messageIds[0]]);
    await fixture.broker.purgeQueue('outbox');
  });

  it('a rolled back transaction leaves no row and sends nothing; dedupe keys commit with it', async () => {
    await expect(
      fixture.db.sql.begin(async (tx) => {
        await fixture.broker.publishWithin(tx, [{ exchange: '', routingKey: 'outbox', message: { payload: 'never', dedupeKey: 'k' } }]);
        throw new Error('caller failed');
      }),
    ).rejects.toThrow('caller failed');
    expect(await outboxRows()).toBe(0);
    const [kept] = await fixture.db.sql.begin((tx) => fixture.broker.publishWithin(tx, [{ exchange: '', routingKey: 'outbox', message: { payload: 'kept', dedupeKey: 'k' } }]));
    await waitFor(async () => (await fixture.broker.peek('outbox')).length === 1, { description: 'the relay right after the commit' });
    const again = await fixture.broker.publish({ exchange: '', routingKey: 'outbox', message: { payload: 'duplicate', dedupeKey: 'k' } });
    expect(again.messageIds).toEqual(kept?.messageIds);
    expect((await fixture.broker.peek('outbox')).map((d) => d.payload)).toEqual(['kept']);
  });

  it('tracks what it published within a transaction: unfinished until acked (within a transaction too), dead once dead-lettered', async () => {
    const { broker, db } = fixture;
    await broker.declareQueue({ name: 'tracked.dead' });
    await broker.declareQueue({ name: 'tracked', policy: { deadLetterQueue: 'tracked.dead' } });
    const receipts = await db.sql.begin((tx) =>
      broker.publishWithin(tx, ['ack-me', 'reject-me'].map((payload) => ({ exchange: '', routingKey: 'tracked', message: { payload } }))),
    );
    const ids = receipts.map((receipt) => receipt.messageIds[0]!);
    const untracked = await broker.publish({ exchange: '', routingKey: 'tracked', message: { payload: 'plain' } });
    expect(await broker.unsettledMessageIds([...ids, untracked.messageIds[0]!])).toEqual(new Set(ids));
    // The relay sends the outbox rows after the commit: claim once all three are there (a claim holds what it takes).
    await waitFor(async () => (await broker.queueStats('tracked')).ready === 3);
    const deliveries = await broker.claim('tracked', { max: 3 });
    expect(deliveries).toHaveLength(3);
    const byPayload = new Map(deliveries.map((delivery) => [delivery.payload, delivery]));
    await db.sql.begin((tx) => broker.ackWithin(tx, byPayload.get('ack-me')!));
    expect(await broker.unsettledMessageIds(ids)).toEqual(new Set([ids[1]]));
    await broker.reject(byPayload.get('reject-me')!, 'no good');
    await broker.ack([byPayload.get('plain')!]);
    expect(await broker.unsettledMessageIds(ids)).toEqual(new Set());
    const dead = await broker.deadLetteredMessages(ids);
    expect([...dead.keys()]).toEqual([ids[1]]);
    expect(dead.get(ids[1]!)).toMatchObject({ queue: 'tracked', reason: 'rejected', detail: 'no good' });
    expect(await broker.redrive('tracked.dead')).toBe(1);
    expect(await broker.unsettledMessageIds(ids)).toEqual(new Set([ids[1]]));
  });
});
