import { ConflictError, createSilentLogger } from '@interflow/core';
import { waitFor } from '@interflow/test-kit';
import { moveBroker, type MoveHooks } from '../src';
import { createMoveFixture, type MoveFixture } from './move-fixture';
import { declareMoveTopology, publishMixedMessages, storedMessages } from './mixed-messages';

/** The move in process, with failures injected at the two points where a crash could lose or double a message. */
describe('broker move', () => {
  let fixture: MoveFixture;
  const COUNT = 300;

  beforeAll(async () => {
    fixture = await createMoveFixture();
    await declareMoveTopology(fixture.postgres);
    await fixture.postgres.declareQueue({ name: 'idle' });
    await publishMixedMessages(fixture.postgres, COUNT);
  });
  afterAll(() => fixture.close());

  const move = (to: 'rabbitmq' | 'postgres', hooks: MoveHooks = {}) =>
    moveBroker({ sql: fixture.db.sql, postgres: fixture.postgres, rabbitmq: fixture.rabbitmq, logger: createSilentLogger(), to, batchSize: 40, hooks });

  /** Fails the `nth` time the hook point is reached. */
  const failingAt = (nth: number) => {
    let reached = 0;
    return () => {
      if (++reached === nth) throw new Error(`failed at point ${nth} (test)`);
    };
  };

  it('refuses to start while a consumer consumes, naming it', async () => {
    const consumer = fixture.postgres.consume('idle', async () => undefined, { consumerName: 'blocking' });
    await waitFor(async () => (await fixture.postgres.listConsumers({ queue: 'idle' })).length === 1, { description: 'the consumer to register' });
    const refused = move('rabbitmq');
    await expect(refused).rejects.toThrow(ConflictError);
    await expect(refused).rejects.toThrow(/1 consumer\(s\) are consuming from the PostgreSQL broker/);
    await consumer.stop();
    expect(await fixture.db.sql`select 1 from broker_moves`).toHaveLength(0);
  });

  it('moves every message to RabbitMQ and back exactly once with its properties, though each way fails half-way once', async () => {
    const before = await storedMessages(fixture.db.sql, Date.now());
    expect(before).toHaveLength(COUNT);

    await expect(move('rabbitmq', { afterSend: failingAt(3) })).rejects.toThrow('failed at point 3');
    expect(await fixture.db.sql`select source_id from broker_move_messages where state = 'sending'`).toHaveLength(40);
    await expect(move('postgres')).rejects.toThrow(/a move to rabbitmq .* is unfinished/);
    const there = await move('rabbitmq');
    expect(there).toMatchObject({ resumed: true, moved: COUNT, topology: { exchanges: 3, queues: 6, bindings: 4 } });
    expect(await storedMessages(fixture.db.sql, Date.now())).toEqual([]);

    const stats = await Promise.all(['billing', 'billing.dead', 'shipping', 'audit'].map((queue) => fixture.rabbitmq.queueStats(queue)));
    expect(stats.reduce((sum, s) => sum + s.ready + s.delayed, 0)).toBe(COUNT);
    const dead = await fixture.rabbitmq.peek('billing.dead', { limit: 100 });
    expect(dead).toHaveLength(before.filter((m) => m.queue === 'billing.dead').length);
    const original = new Map(before.map((m) => [m.id, m]));
    for (const delivery of dead) {
      const was = original.get(delivery.messageId)!;
      expect({ payload: delivery.payload, headers: delivery.headers, priority: delivery.priority, attempt: delivery.attempt, deaths: delivery.deaths }).toEqual({
        payload: was.payload, headers: was.headers, priority: was.priority, attempt: was.attempts + 1, deaths: was.deaths,
      });
    }
    // A moved dead letter is a dead letter on RabbitMQ: redrive sends it back where it died.
    const redriven = dead[0]!;
    await expect(fixture.rabbitmq.redrive('billing.dead', { max: 1, messageIds: [redriven.messageId] })).resolves.toBe(1);

    await expect(move('postgres', { afterStore: failingAt(2) })).rejects.toThrow('failed at point 2');
    await fixture.reopenRabbitmq();
    const back = await move('postgres');
    expect(back).toMatchObject({ resumed: true, moved: COUNT });
    const after = await storedMessages(fixture.db.sql, Date.now());
    const redrivenBefore = original.get(redriven.messageId)!;
    expect(after).toEqual(before.map((m) => (m.id === redrivenBefore.id ? { ...m, queue: 'billing', deadFrom: null, attempts: 0 } : m)));
  });
});
