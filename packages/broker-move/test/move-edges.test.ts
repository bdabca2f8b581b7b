import { createSilentLogger } from '@interflow/core';
import { moveBroker } from '../src';
import { createMoveFixture, type MoveFixture } from './move-fixture';

/** The edges of exactly once: a batch in doubt that never reached RabbitMQ, and two copies of one message on RabbitMQ. */
describe('broker move: in doubt and duplicates', () => {
  let fixture: MoveFixture;

  beforeAll(async () => {
    fixture = await createMoveFixture();
    await fixture.postgres.declareQueue({ name: 'work' });
  });
  afterAll(() => fixture.close());

  const move = (to: 'rabbitmq' | 'postgres', hooks = {}) =>
    moveBroker({ sql: fixture.db.sql, postgres: fixture.postgres, rabbitmq: fixture.rabbitmq, logger: createSilentLogger(), to, batchSize: 10, hooks });
  const payloads = async () => (await fixture.db.sql<{ payload: number }[]>`select payload from mq_messages order by id`).map((row) => row.payload);

  it('sends a batch the crashed run recorded as sending but never published, once', async () => {
    await fixture.postgres.publishBatch(Array.from({ length: 25 }, (_, i) => ({ exchange: '', routingKey: 'work', message: { payload: i } })));
    let reached = 0;
    await expect(move('rabbitmq', { beforeSend: () => { if (++reached === 2) throw new Error('failed before the send (test)'); } })).rejects.toThrow('failed before the send');
    expect(await fixture.db.sql`select 1 from broker_move_messages where state = 'sending'`).toHaveLength(10);
    await expect(move('rabbitmq')).resolves.toMatchObject({ resumed: true, moved: 25 });
    expect((await fixture.rabbitmq.queueStats('work')).ready).toBe(25);
    await expect(move('postgres')).resolves.toMatchObject({ moved: 25 });
    expect(await payloads()).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('stores two copies of one message on RabbitMQ (a relay or retry crashed between send and ack) once', async () => {
    await expect(move('rabbitmq')).resolves.toMatchObject({ moved: 25 });
    const [copy] = await fixture.rabbitmq.peek('work', { limit: 1 });
    await fixture.rabbitmq.messageMove().send([{
      id: copy!.messageId, queue: 'work', payload: copy!.payload, headers: copy!.headers, priority: copy!.priority, publishedAt: copy!.publishedAt,
      notBefore: null, expiresAt: null, ackDeadlineMs: null, replyTo: null, correlationId: null, dedupeKey: null, sender: null, attempts: 0, deaths: [], deadFrom: null,
    }]);
    expect((await fixture.rabbitmq.queueStats('work')).ready).toBe(26);
    await expect(move('postgres')).resolves.toMatchObject({ moved: 25 });
    expect(await payloads()).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(await fixture.db.sql`select 1 from mq_messages where id = ${copy!.messageId}`).toHaveLength(1);
  });
});
