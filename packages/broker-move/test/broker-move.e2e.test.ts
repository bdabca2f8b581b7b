import path from 'node:path';
import { startDaemon, waitFor, type DaemonProcess } from '@interflow/test-kit';
import { AMQP_URL, createMoveFixture, type MoveFixture } from './move-fixture';
import { declareMoveTopology, publishMixedMessages, storedMessages, type StoredMessage } from './mixed-messages';

const SCRIPT = path.resolve(__dirname, '../../../apps/launcher/dist/broker-move.js');
const COUNT = 10_000;
const BATCH = 250;

/**
 * `npm run broker:move` as operators run it (the built command, a child process): 10,000
 * messages in mixed states to RabbitMQ and back, the command killed with SIGKILL half-way
 * each way and run again; every message arrives once, with its properties.
 */
describe('npm run broker:move, killed half-way', () => {
  let fixture: MoveFixture;
  let before: StoredMessage[];

  beforeAll(async () => {
    fixture = await createMoveFixture();
    await declareMoveTopology(fixture.postgres);
    await publishMixedMessages(fixture.postgres, COUNT);
    before = await storedMessages(fixture.db.sql, Date.now());
  }, 300_000);
  afterAll(() => fixture.close());

  const run = (to: 'rabbitmq' | 'postgres'): Promise<DaemonProcess> =>
    startDaemon({
      script: SCRIPT,
      args: ['--to', to, '--batch-size', String(BATCH)],
      env: { DATABASE_URL: fixture.db.url, DATABASE_SCHEMA: fixture.db.schema, AMQP_URL, AMQP_NAME_PREFIX: fixture.namePrefix, LOG_LEVEL: 'info' },
    });

  const batchesLogged = (child: DaemonProcess) => child.logs.filter((line) => typeof line.message === 'string' && line.message.startsWith('moved a batch')).length;

  /** Runs the move, kills it with SIGKILL once it moved `batches` batches, runs it again to the end; answers the finished run's summary. */
  async function moveKilledOnce(to: 'rabbitmq' | 'postgres', batches: number): Promise<{ moved: number; resumed: boolean }> {
    const killed = await run(to);
    await waitFor(() => batchesLogged(killed) >= batches || killed.child.exitCode !== null, { timeoutMs: 240_000, intervalMs: 5, description: `${batches} batches moved` });
    expect(await killed.stop('SIGKILL')).toBeNull();
    // The kill came half-way: the move is unfinished, and part of the messages are on each side.
    expect(await fixture.db.sql`select 1 from broker_moves where finished_at is null`).toHaveLength(1);
    const again = await run(to);
    expect(await again.exited).toBe(0);
    const summary = again.logs.find((line) => 'resumed' in line && 'movedThisRun' in line) as { moved: number; movedThisRun: number; resumed: boolean } | undefined;
    expect(summary).toBeDefined();
    expect(summary!.movedThisRun).toBeLessThan(COUNT);
    return summary!;
  }

  it('moves them to RabbitMQ exactly once, with their properties', async () => {
    expect(before).toHaveLength(COUNT);
    const summary = await moveKilledOnce('rabbitmq', 12);
    expect(summary).toMatchObject({ moved: COUNT, resumed: true });
    expect(await storedMessages(fixture.db.sql, Date.now())).toEqual([]);

    const expected = (queue: string, delayed: boolean) => before.filter((m) => m.queue === queue && (m.delayedUntil !== 'ready') === delayed).length;
    for (const queue of ['billing', 'billing.dead', 'shipping', 'audit']) {
      const stats = await fixture.rabbitmq.queueStats(queue);
      expect({ queue, ready: stats.ready, delayed: stats.delayed }).toEqual({ queue, ready: expected(queue, false), delayed: expected(queue, true) });
    }
    const original = new Map(before.map((m) => [m.id, m]));
    for (const queue of ['billing.dead', 'audit']) {
      const peeked = await fixture.rabbitmq.peek(queue, { limit: 200 });
      expect(peeked).toHaveLength(200);
      for (const delivery of peeked) {
        const was = original.get(delivery.messageId)!;
        expect({
          payload: delivery.payload, headers: delivery.headers, priority: delivery.priority, attempt: delivery.attempt, deaths: delivery.deaths,
          replyTo: delivery.replyTo, correlationId: delivery.correlationId, sender: delivery.sender, expiresAt: delivery.expiresAt?.getTime() ?? null, publishedAt: delivery.publishedAt.getTime(),
        }).toEqual({
          payload: was.payload, headers: was.headers, priority: was.priority, attempt: was.attempts + 1, deaths: was.deaths,
          replyTo: was.replyTo, correlationId: was.correlationId, sender: was.sender, expiresAt: was.expiresAt, publishedAt: was.publishedAt,
        });
      }
    }
  }, 300_000);

  it('moves them back to PostgreSQL exactly once, as they were', async () => {
    const summary = await moveKilledOnce('postgres', 12);
    expect(summary).toMatchObject({ moved: COUNT, resumed: true });
    expect(await storedMessages(fixture.db.sql, Date.now())).toEqual(before);
    for (const queue of ['billing', 'billing.dead', 'shipping', 'audit']) {
      const stats = await fixture.rabbitmq.queueStats(queue);
      expect({ queue, ready: stats.ready, delayed: stats.delayed }).toEqual({ queue, ready: 0, delayed: 0 });
    }
  }, 300_000);
});
