import { type Delivery, type DeliveryControl, type DeliveryHandler, StaleDeliveryError } from '@interflow/broker';
import { PermanentError, RateLimitedError, createSilentLogger, systemClock } from '@interflow/core';
import { waitFor } from '@interflow/test-kit';
import { QueueConsumer } from '../src/consumer';
import { FakeConsumerBackend } from './fake-consumer-backend';

/** The consume loop against an in-memory backend: what it sends, and how it settles, without PostgreSQL. */
describe('QueueConsumer (fake backend)', () => {
  const consumers: QueueConsumer[] = [];

  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
  });

  function consume(backend: FakeConsumerBackend, handler: DeliveryHandler, options: { concurrency: number; prefetch: number }, pollIntervalMs = 100): QueueConsumer {
    const consumer = new QueueConsumer(
      backend,
      'work',
      handler,
      { ...options, leaseMs: null, consumerName: 'unit' },
      { pollIntervalMs, heartbeatIntervalMs: 5000 },
      systemClock,
      createSilentLogger(),
    );
    consumers.push(consumer);
    consumer.start();
    return consumer;
  }

  /** A handler that holds each delivery until the test lets it go. */
  function gatedHandler(): { handler: DeliveryHandler; running: Map<string, () => void>; maxRunning: () => number } {
    const running = new Map<string, () => void>();
    let max = 0;
    const handler: DeliveryHandler = (delivery) =>
      new Promise<void>((resolve) => {
        running.set(delivery.messageId, () => {
          running.delete(delivery.messageId);
          resolve();
        });
        max = Math.max(max, running.size);
      });
    return { handler, running, maxRunning: () => max };
  }

  it('handles every message once and sends the acks of finished handlers with the next claim', async () => {
    const backend = new FakeConsumerBackend();
    const ids = backend.publish(200);
    const handled: string[] = [];
    consume(backend, async (delivery) => {
      handled.push(delivery.messageId);
    }, { concurrency: 4, prefetch: 16 });

    await waitFor(() => backend.acked.length === 200, { description: 'every message acked' });
    expect([...handled].sort()).toEqual([...ids].sort());
    expect(new Set(backend.acked).size).toBe(200);
    expect(backend.statements.some((statement) => statement.acks.length > 0 && statement.claim !== null)).toBe(true);
    expect(backend.statements.every((statement) => statement.claim === null || statement.claim.max <= 20)).toBe(true);
  });

  it('a wake-up heard while a claim is in flight is not lost when that claim comes back empty', async () => {
    const backend = new FakeConsumerBackend();
    const handled: string[] = [];
    const firstClaim = backend.holdNextAnswer();
    // An hour between polls: only the wake-up can bring the message.
    consume(backend, async (delivery) => void handled.push(delivery.messageId), { concurrency: 1, prefetch: 0 }, 3_600_000);
    await waitFor(() => backend.statements.length === 1, { description: 'the first claim sent' });
    const [id] = backend.publish(1); // committed after that claim read the queue; its wake-up comes while the claim is out
    firstClaim.release();
    await waitFor(() => handled.length === 1, { timeoutMs: 10_000, description: 'the message handled without waiting for a poll' });
    expect(handled).toEqual([id]);
  });

  it('never runs more handlers than its concurrency, and claims no more than it can hold', async () => {
    const backend = new FakeConsumerBackend();
    backend.publish(30);
    const gate = gatedHandler();
    consume(backend, gate.handler, { concurrency: 3, prefetch: 2 });

    for (let released = 0; released < 30; ) {
      await waitFor(() => gate.running.size > 0, { description: 'a handler running' });
      for (const finish of [...gate.running.values()]) {
        finish();
        released++;
      }
    }
    await waitFor(() => backend.acked.length === 30, { description: 'every message acked' });
    expect(gate.maxRunning()).toBe(3);
    expect(backend.statements.every((statement) => statement.claim === null || statement.claim.max <= 5)).toBe(true);
  });

  it('settles by the outcome: returned → ack, PermanentError → reject, RateLimitedError → nack without counting, other errors → nack', async () => {
    const backend = new FakeConsumerBackend();
    const [ok, permanent, limited, failing] = backend.publish(4);
    const outcomes = new Map<string | undefined, () => void>([
      [ok, () => undefined],
      [permanent, () => { throw new PermanentError('bad input'); }],
      [limited, () => { throw new RateLimitedError('slow down', 1500); }],
      [failing, () => { throw new Error('boom'); }],
    ]);
    consume(backend, async (delivery) => outcomes.get(delivery.messageId)?.(), { concurrency: 4, prefetch: 0 });

    await waitFor(() => backend.acked.length + backend.rejected.length + backend.nacked.length === 4, { description: 'all four settled' });
    expect(backend.acked).toEqual([ok]);
    expect(backend.rejected).toEqual([{ messageId: permanent, reason: 'bad input' }]);
    expect(backend.nacked).toContainEqual({ messageId: limited, options: { delayMs: 1500, countAttempt: false, reason: 'slow down' } });
    expect(backend.nacked).toContainEqual({ messageId: failing, options: { reason: 'boom' } });
  });

  it("a handler's own ack resolves once sent, and is refused with StaleDeliveryError when the lease was lost", async () => {
    const backend = new FakeConsumerBackend();
    const [kept, lost] = backend.publish(2);
    const answers = new Map<string, unknown>();
    consume(backend, async (delivery: Delivery, control: DeliveryControl) => {
      if (delivery.messageId === lost) backend.revoke(lost);
      answers.set(delivery.messageId, await control.ack().then(() => 'acked', (error: unknown) => error));
    }, { concurrency: 2, prefetch: 0 });

    await waitFor(() => answers.size === 2, { description: 'both acks answered' });
    expect(answers.get(kept!)).toBe('acked');
    expect(answers.get(lost!)).toBeInstanceOf(StaleDeliveryError);
    expect(backend.acked).toEqual([kept]);
  });

  it('after a failed statement it sends the same acks again and carries on', async () => {
    const backend = new FakeConsumerBackend();
    backend.publish(10);
    const gate = gatedHandler();
    consume(backend, gate.handler, { concurrency: 10, prefetch: 0 });
    await waitFor(() => gate.running.size === 10, { description: 'ten handlers running' });

    backend.failingStatements = 2;
    const sentBefore = backend.statements.length;
    for (const finish of [...gate.running.values()]) finish();

    await waitFor(() => backend.acked.length === 10, { description: 'the acks land after the failures' });
    const retried = backend.statements.slice(sentBefore);
    expect(retried.length).toBeGreaterThanOrEqual(3);
    expect(retried[0]?.acks.length).toBeGreaterThan(0);
    expect(retried[2]?.acks.map((ack) => ack.messageId)).toEqual(expect.arrayContaining(retried[0]!.acks.map((ack) => ack.messageId)));
  });

  it('stop releases the prefetched deliveries, waits for the running handler and its ack, and deregisters', async () => {
    const backend = new FakeConsumerBackend();
    const ids = backend.publish(5);
    const gate = gatedHandler();
    const consumer = consume(backend, gate.handler, { concurrency: 1, prefetch: 4 });
    await waitFor(() => gate.running.size === 1 && backend.statements.some((statement) => statement.claim?.max === 5), { description: 'one running, four prefetched' });
    const [runningId] = [...gate.running.keys()];

    const stopped = consumer.stop();
    await waitFor(() => backend.released.length === 4, { description: 'the prefetched four released' });
    expect(backend.deregistered).toEqual([]);
    gate.running.get(runningId!)?.();
    await stopped;

    expect(backend.acked).toEqual([runningId]);
    expect([...backend.released, runningId].sort()).toEqual([...ids].sort());
    expect(backend.deregistered).toEqual([consumer.id]);
    expect(backend.registered.map((registration) => registration.id)).toEqual([consumer.id]);
  });

  it('a recovered delivery has its hand-over recorded first, then runs alone with the attempt recorded', async () => {
    const backend = new FakeConsumerBackend();
    const [recovered] = backend.publish(1, { recovered: true });
    const after = backend.publish(3);
    const gate = gatedHandler();
    const attempts = new Map<string, number>();
    consume(backend, (delivery, control) => {
      attempts.set(delivery.messageId, delivery.attempt);
      return gate.handler(delivery, control);
    }, { concurrency: 4, prefetch: 4 });

    await waitFor(() => gate.running.has(recovered!), { description: 'the recovered delivery running' });
    expect(backend.statements.some((statement) => statement.handOvers.some((ref) => ref.messageId === recovered))).toBe(true);
    expect(attempts.get(recovered!)).toBe(backend.handOverAttempt);
    expect(gate.running.size).toBe(1);

    gate.running.get(recovered!)?.();
    await waitFor(() => after.every((id) => gate.running.has(id)), { description: 'the others running after it' });
    for (const finish of [...gate.running.values()]) finish();
    await waitFor(() => backend.acked.length === 4, { description: 'all four acked' });
  });
});
