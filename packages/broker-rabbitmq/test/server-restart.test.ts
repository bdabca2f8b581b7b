import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import type { Delivery } from '@interflow/broker';
import { waitFor } from '@interflow/test-kit';
import { createRabbitFixture, type RabbitFixture } from './broker-fixture';

const run = promisify(execFile);
const rabbitmqctl = (...args: string[]) => run('rabbitmqctl', args, { timeout: 60_000 });

/**
 * The server side of a restart, under load: publishers and consumers run while RabbitMQ
 * drops every connection of the test's own virtual host (`rabbitmqctl close_all_connections
 * -p`). Not `stop_app`: RabbitMQ is shared by every test file running beside this one
 * (jest workers, other checkouts on the machine), and stopping it would fail them; a
 * virtual host of its own confines the restart to this test. The queues stay up, so this
 * is what a restart does to a client: every connection and channel gone at once,
 * unconfirmed publishes and unacked deliveries in the air.
 */
describe('RabbitMQ broker: server restart under load', () => {
  const vhost = `interflow-restart-${crypto.randomBytes(4).toString('hex')}`;
  let fixture: RabbitFixture | undefined;

  beforeAll(async () => {
    await rabbitmqctl('add_vhost', vhost);
    await rabbitmqctl('set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*');
    fixture = await createRabbitFixture({ url: `amqp://guest:guest@127.0.0.1:5672/${encodeURIComponent(vhost)}` });
  }, 120_000);

  afterAll(async () => {
    try {
      await fixture?.close();
    } finally {
      await rabbitmqctl('delete_vhost', vhost);
    }
  }, 120_000);

  it('confirmed publishes all arrive, held deliveries come again, consumers resume and nothing crashes', async () => {
    const { broker } = fixture!;
    const consumerBroker = fixture!.otherBroker();
    await broker.declareQueue({ name: 'load', policy: { maxAttempts: 50, deadLetterQueue: null } });

    // Handlers: count every payload; the first few deliveries of "held-*" wait until the restart is over.
    const handled = new Map<string, number>();
    const heldDeliveries: Delivery<string>[] = [];
    const lostLeases: string[] = [];
    const cameAgain: string[] = [];
    let restartDone = false;
    const consumer = consumerBroker.consume<string>(
      'load',
      async (delivery, control) => {
        if (delivery.payload.startsWith('held-') && !delivery.recovered) {
          heldDeliveries.push(delivery);
          await waitFor(() => restartDone || control.signal.aborted, { timeoutMs: 120_000, description: 'the restart to be over' });
          if (control.signal.aborted) {
            lostLeases.push(delivery.payload);
            return;
          }
        }
        if (delivery.payload.startsWith('held-') && delivery.recovered) cameAgain.push(`${delivery.payload}#${delivery.attempt}`);
        handled.set(delivery.payload, (handled.get(delivery.payload) ?? 0) + 1);
      },
      { concurrency: 8, prefetch: 8, leaseMs: 120_000 },
    );

    await broker.publishBatch(['held-1', 'held-2', 'held-3'].map((payload) => ({ exchange: '', routingKey: 'load', message: { payload } })));
    await waitFor(() => heldDeliveries.length === 3, { timeoutMs: 60_000, description: 'the three held deliveries in handlers' });

    // Four publishers in a loop; a publish counts once it resolved (confirmed by RabbitMQ).
    const confirmed = new Set<string>();
    let publishing = true;
    let failures = 0;
    const publishers = Array.from({ length: 4 }, async (_, p) => {
      for (let n = 0; publishing; n++) {
        const payload = `p${p}-${n}`;
        await broker.publish({ exchange: '', routingKey: 'load', message: { payload } }).then(
          () => confirmed.add(payload),
          () => failures++,
        );
      }
    });
    await waitFor(() => confirmed.size >= 400, { timeoutMs: 60_000, description: 'publishing under way' });

    const beforeRestart = confirmed.size;
    await rabbitmqctl('close_all_connections', '-p', vhost, 'interflow test: server restart');
    // Publishing resumes on the new connections: well past what was confirmed before the restart.
    await waitFor(() => confirmed.size >= beforeRestart + 400, { timeoutMs: 90_000, description: 'publishes confirmed after the restart' });
    restartDone = true;
    publishing = false;
    await Promise.all(publishers);

    // Every confirmed publish arrives; the held ones come again, recovered; the queue drains.
    await waitFor(() => [...confirmed].every((payload) => handled.has(payload)), { timeoutMs: 120_000, description: 'every confirmed message handled' });
    await waitFor(() => ['held-1', 'held-2', 'held-3'].every((payload) => handled.has(payload)), { timeoutMs: 60_000, description: 'the held messages to come again' });
    // the restart took their leases (the handlers were told) and they came again, recovered, on their next attempt
    expect(lostLeases.sort()).toEqual(['held-1', 'held-2', 'held-3']);
    expect(cameAgain.sort()).toEqual(['held-1#2', 'held-2#2', 'held-3#2']);
    await waitFor(async () => {
      const stats = await broker.queueStats('load');
      return stats.ready + stats.delayed + stats.inFlight === 0;
    }, { timeoutMs: 60_000, description: 'the queue to drain' });
    expect(failures).toBe(0);

    // The consumer is still registered and takes new work; both brokers still publish.
    expect((await broker.listConsumers({ queue: 'load' })).map((c) => c.id)).toEqual([consumer.id]);
    await consumerBroker.publish({ exchange: '', routingKey: 'load', message: { payload: 'after' } });
    await waitFor(() => handled.has('after'), { timeoutMs: 30_000, description: 'a message published after it all' });
    await consumer.stop();
  }, 600_000);
});
