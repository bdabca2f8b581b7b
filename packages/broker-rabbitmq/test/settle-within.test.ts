import { StaleDeliveryError, type Delivery } from '@interflow/broker';
import { waitFor } from '@interflow/test-kit';
import { createRabbitFixture, type RabbitFixture } from './broker-fixture';

/** Lapsed leases, and settles "within" a PostgreSQL transaction (made after its commit on RabbitMQ). */
describe('RabbitMQ broker: lapsed leases and settles within a transaction', () => {
  let fixture: RabbitFixture;
  const publish = (queue: string, payload: unknown) => fixture.broker.publish({ exchange: '', routingKey: queue, mandatory: true, message: { payload } });
  const claimOne = async (queue: string, leaseMs?: number): Promise<Delivery> => {
    const [delivery] = await fixture.broker.claim(queue, { max: 1, leaseMs });
    if (!delivery) throw new Error(`nothing to claim in ${queue}`);
    return delivery;
  };
  const lapsed = (delivery: Delivery) => waitFor(() => Date.now() > delivery.leaseExpiresAt.getTime() + 50, { description: 'the lease to lapse' });
  /** A queue with a dead-letter queue, one message in it, claimed. */
  const claimedWithDeadLetters = async (queue: string): Promise<Delivery> => {
    await fixture.broker.declareQueue({ name: `${queue}.dead` });
    await fixture.broker.declareQueue({ name: queue, policy: { deadLetterQueue: `${queue}.dead` } });
    await publish(queue, 'one');
    return claimOne(queue);
  };
  /** An ack within a transaction that then fails and rolls back. */
  const ackWithinRolledBack = (delivery: Delivery) =>
    expect(
      fixture.db.sql.begin(async (tx) => {
        await fixture.broker.ackWithin(tx, delivery);
        throw new Error('the caller failed after acking');
      }),
    ).rejects.toThrow('the caller failed after acking');

  beforeAll(async () => {
    fixture = await createRabbitFixture({ random: () => 0 });
  });
  afterAll(() => fixture.close());

  it('a settle with a lapsed lease is refused; the message comes again as recovered with the attempt counted', async () => {
    const { broker, db } = fixture;
    await broker.declareQueue({ name: 'lapse' });
    await publish('lapse', 'work');
    const delivery = await claimOne('lapse', 200);
    await lapsed(delivery);
    await expect(broker.ack([delivery])).rejects.toBeInstanceOf(StaleDeliveryError);
    await expect(broker.nack(delivery)).rejects.toBeInstanceOf(StaleDeliveryError);
    await expect(broker.reject(delivery, 'too late')).rejects.toBeInstanceOf(StaleDeliveryError);
    await expect(broker.extendLease(delivery, 60_000)).rejects.toBeInstanceOf(StaleDeliveryError);
    await expect(db.sql.begin((tx) => broker.ackWithin(tx, delivery))).rejects.toBeInstanceOf(StaleDeliveryError);
    const again = await waitFor(async () => (await broker.claim('lapse', { max: 1 }))[0] ?? null);
    expect(again).toMatchObject({ messageId: delivery.messageId, attempt: 2, recovered: true });
    await broker.ack([again]);
  });

  it('a lease that lapses on the last attempt dead-letters the message', async () => {
    const { broker } = fixture;
    await broker.declareQueue({ name: 'last.dead' });
    await broker.declareQueue({ name: 'last', policy: { maxAttempts: 1, deadLetterQueue: 'last.dead' } });
    await publish('last', 'stalls');
    await claimOne('last', 100);
    const [dead] = await waitFor(async () => {
      const peeked = await broker.peek('last.dead');
      return peeked.length > 0 ? peeked : null;
    });
    expect(dead?.deaths[0]).toMatchObject({ queue: 'last', reason: 'max_attempts', detail: 'lease expired on the last attempt' });
  });

  it('ackWithin acks only once the transaction commits; a rollback keeps the delivery held', async () => {
    const { broker, db } = fixture;
    const first = await claimedWithDeadLetters('tx-settle');
    await ackWithinRolledBack(first);
    // The rollback is seen a moment later; the delivery stays held throughout.
    await waitFor(async () => {
      await expect(broker.extendLease(first, 30_000)).resolves.toBeInstanceOf(Date);
      return true;
    });
    expect(await broker.queueStats('tx-settle')).toMatchObject({ inFlight: 1, ready: 0 });
    await db.sql.begin((tx) => broker.rejectWithin(tx, first, 'no good'));
    const [dead] = await waitFor(async () => {
      const peeked = await broker.peek('tx-settle.dead');
      return peeked.length > 0 ? peeked : null;
    });
    expect(dead?.deaths[0]).toMatchObject({ reason: 'rejected', detail: 'no good' });
    expect(await broker.queueStats('tx-settle')).toMatchObject({ inFlight: 0, ready: 0 });
  });

  it('a settle right after a rolled-back one goes ahead at once; one beside a still-open settle is refused', async () => {
    const { broker, db } = fixture;
    const delivery = await claimedWithDeadLetters('retry-tx');
    await ackWithinRolledBack(delivery);
    // No wait for the broker to notice the rollback: a caller retries as soon as its transaction failed.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let registered: () => void = () => undefined;
    const waiting = new Promise<void>((resolve) => (registered = resolve));
    const retried = db.sql.begin(async (tx) => {
      await broker.rejectWithin(tx, delivery, 'no good');
      registered();
      await gate;
    });
    await Promise.race([waiting, retried]);
    // While that transaction is open, another settle would be a second one waiting.
    await expect(db.sql.begin((tx) => broker.nackWithin(tx, delivery))).rejects.toThrow('this delivery already has a settle waiting for a commit');
    release();
    await retried;
    const [dead] = await waitFor(async () => {
      const peeked = await broker.peek('retry-tx.dead');
      return peeked.length > 0 ? peeked : null;
    });
    expect(dead?.deaths[0]).toMatchObject({ reason: 'rejected', detail: 'no good' });
    // Settled after the commit: the delivery is gone, a later settle is stale.
    await expect(db.sql.begin((tx) => broker.ackWithin(tx, delivery))).rejects.toBeInstanceOf(StaleDeliveryError);
  });

  it('a settle waiting for a commit is not made while the transaction is open', async () => {
    const { broker, db } = fixture;
    await broker.declareQueue({ name: 'open-tx' });
    await publish('open-tx', 'x');
    const delivery = await claimOne('open-tx', 300);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const transaction = db.sql.begin(async (tx) => {
      await broker.ackWithin(tx, delivery);
      await gate;
    });
    // Longer than the lease: a settle waiting for a commit keeps the delivery from lapsing.
    await lapsed(delivery);
    expect(await broker.queueStats('open-tx')).toMatchObject({ inFlight: 1, ready: 0 });
    release();
    await transaction;
    await waitFor(async () => (await broker.queueStats('open-tx')).inFlight === 0);
    expect(await broker.queueStats('open-tx')).toMatchObject({ ready: 0, delayed: 0 });
  });
});
