import type { Delivery } from '@interflow/broker';
import { PrivateRabbitmq, waitFor } from '@interflow/test-kit';
import { DEFAULT_DECLARATION_SETTLE_MS } from '../src';
import { createRabbitFixture, type RabbitFixture } from './broker-fixture';

const HELD = ['held-1', 'held-2', 'held-3'];

/**
 * A real RabbitMQ restart under load, on a node of the test's own (the shared server at
 * 5672 must not be restarted: every RabbitMQ test beside this one uses it). Publishers
 * publish with confirms and a consumer consumes while the node is stopped (a clean
 * `rabbitmqctl stop`, or SIGKILL of its Erlang VM) and started again on the same data.
 * Half of the publishes go to a queue nobody consumes until the node is back, so the
 * confirmed messages that must survive are surely inside RabbitMQ when it goes down.
 */
describe('RabbitMQ broker: a real server restart under load (a private node)', () => {
  let node: PrivateRabbitmq | undefined;
  let fixture: RabbitFixture | undefined;

  beforeAll(async () => {
    node = await PrivateRabbitmq.create();
    await node.start();
    // The real wait after a declaration: the queues are declared right before RabbitMQ is killed.
    fixture = await createRabbitFixture({ url: node.url, declarationSettleMs: DEFAULT_DECLARATION_SETTLE_MS });
  }, 300_000);

  afterAll(async () => {
    try {
      if (node && !node.running) await node.start();
      await fixture?.close();
    } finally {
      await node?.remove();
    }
  }, 300_000);

  it.each([
    ['stopped cleanly (rabbitmqctl stop)', 'stop'],
    ['killed (SIGKILL of its Erlang VM)', 'kill'],
  ] as const)('node %s: confirmed publishes all arrive, held deliveries come again, the broker reconnects and consumers resume', async (_title, how) => {
    const { broker } = fixture!;
    const consumerBroker = fixture!.otherBroker();
    const running = `running-${how}`;
    const stored = `stored-${how}`;
    await broker.declareQueue({ name: running, policy: { maxAttempts: 50, deadLetterQueue: null } });
    await broker.declareQueue({ name: stored, policy: { maxAttempts: 50, deadLetterQueue: null } });

    // Count every payload handled; the first delivery of each "held-*" message waits in its handler through the restart.
    const handled = new Map<string, number>();
    const heldDeliveries: Delivery<string>[] = [];
    const lostLeases: string[] = [];
    const cameAgain: string[] = [];
    let restarted = false;
    const handle = async (delivery: Delivery<string>, signal: AbortSignal) => {
      if (HELD.includes(delivery.payload) && !delivery.recovered) {
        heldDeliveries.push(delivery);
        await waitFor(() => restarted || signal.aborted, { timeoutMs: 300_000, description: 'the restart to be over' });
        if (signal.aborted) {
          lostLeases.push(delivery.payload);
          return;
        }
      }
      if (HELD.includes(delivery.payload) && delivery.recovered) cameAgain.push(`${delivery.payload}#${delivery.attempt}`);
      handled.set(delivery.payload, (handled.get(delivery.payload) ?? 0) + 1);
    };
    const consumer = consumerBroker.consume<string>(running, (delivery, control) => handle(delivery, control.signal), { concurrency: 8, prefetch: 8, leaseMs: 300_000 });

    await broker.publishBatch(HELD.map((payload) => ({ exchange: '', routingKey: running, message: { payload } })));
    await waitFor(() => heldDeliveries.length === HELD.length, { timeoutMs: 60_000, description: 'the held deliveries in handlers' });

    // Four publishers in a loop, alternating between the queues; a publish counts once it resolved (confirmed by RabbitMQ).
    const confirmed = new Set<string>();
    let publishing = true;
    const failures: unknown[] = [];
    const publishers = Array.from({ length: 4 }, async (_, p) => {
      for (let n = 0; publishing; n++) {
        const payload = `p${p}-${n}`;
        const queue = n % 2 === 0 ? running : stored;
        await broker.publish({ exchange: '', routingKey: queue, message: { payload } }).then(
          () => confirmed.add(payload),
          (error: unknown) => failures.push(error),
        );
      }
    });
    await waitFor(() => confirmed.size >= 400, { timeoutMs: 120_000, description: 'publishing under way' });

    const confirmedBefore = confirmed.size;
    expect((await broker.queueStats(stored)).ready).toBeGreaterThan(0);
    if (how === 'stop') await node!.stop();
    else await node!.kill();
    expect(node!.running).toBe(false);
    await node!.start();
    // The broker reconnects by itself: publishing goes on well past what was confirmed before the restart.
    await waitFor(() => confirmed.size >= confirmedBefore + 400, { timeoutMs: 180_000, description: 'publishes confirmed after the restart' });
    restarted = true;
    publishing = false;
    await Promise.all(publishers);

    // What waited in the unconsumed queue through the restart is all there.
    const storedConsumer = broker.consume<string>(stored, (delivery, control) => handle(delivery, control.signal), { concurrency: 8, prefetch: 32 });
    const confirmedPayloads = [...confirmed];
    await waitFor(() => confirmedPayloads.every((payload) => handled.has(payload)), {
      timeoutMs: 180_000,
      description: 'every confirmed message handled',
    }).catch(async (error: unknown) => {
      const missing = confirmedPayloads.filter((payload) => !handled.has(payload));
      const stats = await Promise.all([running, stored].map((queue) => broker.queueStats(queue)));
      throw new Error(`${(error as Error).message}: ${missing.length} of ${confirmedPayloads.length} missing (${missing.slice(0, 10).join(', ')}); queues ${JSON.stringify(stats)}`);
    });
    // The restart took the held deliveries' leases (their handlers were told) and they came again, recovered, on their next attempt.
    await waitFor(() => HELD.every((payload) => handled.has(payload)), { timeoutMs: 60_000, description: 'the held messages to come again' });
    expect(lostLeases.sort()).toEqual(HELD);
    expect(cameAgain.sort()).toEqual(HELD.map((payload) => `${payload}#2`));
    for (const queue of [running, stored]) {
      await waitFor(async () => {
        const stats = await broker.queueStats(queue);
        return stats.ready + stats.delayed + stats.inFlight === 0;
      }, { timeoutMs: 60_000, description: `${queue} to drain` });
    }
    expect(failures).toEqual([]);

    // The consumer is still registered and takes new work; both brokers still publish.
    expect((await broker.listConsumers({ queue: running })).map((c) => c.id)).toEqual([consumer.id]);
    await consumerBroker.publish({ exchange: '', routingKey: running, message: { payload: `after-${how}` } });
    await waitFor(() => handled.has(`after-${how}`), { timeoutMs: 60_000, description: 'a message published after it all' });
    await consumer.stop();
    await storedConsumer.stop();
  }, 900_000);
});
