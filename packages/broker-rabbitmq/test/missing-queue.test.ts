import amqp from 'amqplib';
import type { Delivery } from '@interflow/broker';
import { waitFor } from '@interflow/test-kit';
import { AMQP_URL, createRabbitFixture, type RabbitFixture } from './broker-fixture';

/**
 * A queue the topology record holds but RabbitMQ does not (RabbitMQ lost it in a crash
 * right after declaring it, decision 68; here an operator deletes it by hand, which is
 * the same to the broker). RabbitMQ confirms a message it routes nowhere and drops it, so
 * every publish is mandatory: the returned message is sent again once the queue is
 * declared again from the record, and a consumer of the queue gets it back.
 */
describe('RabbitMQ broker: a queue RabbitMQ lost', () => {
  let fixture: RabbitFixture;
  let connection: amqp.ChannelModel;

  beforeAll(async () => {
    fixture = await createRabbitFixture({ outboxSweepAgeMs: 0, outboxSweepIntervalMs: 3_600_000 });
    connection = await amqp.connect(AMQP_URL);
  });
  afterAll(async () => {
    await connection.close();
    await fixture.close();
  });

  /** Deletes the queue on RabbitMQ only, behind the broker's back. */
  const deleteOnRabbitmq = async (queue: string) => {
    const channel = await connection.createChannel();
    await channel.deleteQueue(fixture.names.queue(queue));
    await channel.close();
  };
  const existsOnRabbitmq = (queue: string) => existsOnRabbitmqNamed(fixture.names.queue(queue));
  const existsOnRabbitmqNamed = async (amqpName: string) => {
    const channel = await connection.createChannel();
    channel.on('error', () => undefined);
    try {
      await channel.checkQueue(amqpName);
      await channel.close();
      return true;
    } catch {
      return false;
    }
  };

  it('a publish to it is not confirmed into nothing: the queue is declared again from the record, with its bindings, and the message arrives', async () => {
    const { broker } = fixture;
    await broker.declareQueue({ name: 'lost.dead' });
    await broker.declareQueue({ name: 'lost', policy: { deadLetterQueue: 'lost.dead', maxLength: 1, overflow: 'dead_letter_oldest' } });
    await broker.declareExchange({ name: 'lost.events', type: 'topic' });
    await broker.bind({ exchange: 'lost.events', queue: 'lost', bindingKey: 'order.*' });
    await deleteOnRabbitmq('lost');
    await deleteOnRabbitmq('lost.dead');

    const receipt = await broker.publish({ exchange: 'lost.events', routingKey: 'order.created', message: { payload: 'first' } });
    expect(receipt.queues).toEqual(['lost']);
    expect(await existsOnRabbitmq('lost')).toBe(true);
    expect(await existsOnRabbitmq('lost.dead')).toBe(true);
    expect((await broker.peek('lost')).map((message) => message.payload)).toEqual(['first']);

    // Its arguments came back (max length 1, drop-head) and so did the dead-letter binding RabbitMQ routes by.
    await broker.publish({ exchange: 'lost.events', routingKey: 'order.created', message: { payload: 'second' } });
    await waitFor(async () => (await broker.peek('lost.dead')).length === 1, { description: 'the oldest message dead-lettered by RabbitMQ' });
    expect((await broker.peek('lost.dead')).map((message) => message.payload)).toEqual(['first']);
    expect((await broker.peek('lost')).map((message) => message.payload)).toEqual(['second']);
  });

  it('a consumer of it starts again once the queue is back, and gets what is published after', async () => {
    const { broker } = fixture;
    await broker.declareQueue({ name: 'consumed' });
    const handled: string[] = [];
    const consumer = broker.consume<string>('consumed', async (delivery: Delivery<string>) => void handled.push(delivery.payload), { concurrency: 1 });
    await broker.publish({ exchange: '', routingKey: 'consumed', message: { payload: 'before' } });
    await waitFor(() => handled.includes('before'), { description: 'the consumer to run' });

    // RabbitMQ cancels the consumer with its queue; the consumer's retry finds no queue and has it declared again.
    await deleteOnRabbitmq('consumed');
    await waitFor(() => existsOnRabbitmq('consumed'), { timeoutMs: 30_000, description: 'the queue declared again' });
    await broker.publish({ exchange: '', routingKey: 'consumed', message: { payload: 'after' } });
    await waitFor(() => handled.includes('after'), { timeoutMs: 30_000, description: 'the consumer to take the message published after' });
    await consumer.stop();
  });

  it('a delayed message whose delay queue RabbitMQ lost arrives after its delay, and the lost delay queue is declared again when next used', async () => {
    const { broker, names } = fixture;
    await broker.declareQueue({ name: 'later' });
    const handled: string[] = [];
    const consumer = broker.consume<string>('later', async (delivery: Delivery<string>) => void handled.push(delivery.payload), { concurrency: 1 });
    await broker.publish({ exchange: '', routingKey: 'later', message: { payload: 'first', delayMs: 300 } });
    await waitFor(() => handled.includes('first'), { timeoutMs: 30_000, description: 'the first delayed message' });

    // The sender remembers the 300 ms delay queue as declared; RabbitMQ no longer has it.
    const channel = await connection.createChannel();
    await channel.deleteQueue(names.delayQueue('later', 300));
    await channel.close();
    // Returned, and sent again after a pause through the delay queue of the time it has left (a shorter one).
    const sent = Date.now();
    await broker.publish({ exchange: '', routingKey: 'later', message: { payload: 'second', delayMs: 300 } });
    await waitFor(() => handled.includes('second'), { timeoutMs: 30_000, description: 'the second delayed message' });
    expect(Date.now() - sent).toBeGreaterThanOrEqual(300);
    // The sender forgot the lost one: the next 300 ms delay declares it again rather than meet no queue again.
    await broker.publish({ exchange: '', routingKey: 'later', message: { payload: 'third', delayMs: 300 } });
    expect(await existsOnRabbitmqNamed(names.delayQueue('later', 300))).toBe(true);
    await waitFor(() => handled.includes('third'), { timeoutMs: 30_000, description: 'the third delayed message' });
    await consumer.stop();
  });

  it('the outbox relay does not drop a row whose queue is missing: it is sent once the queue is back', async () => {
    const { broker, db } = fixture;
    await broker.declareQueue({ name: 'relayed' });
    await deleteOnRabbitmq('relayed');
    await db.sql.begin((tx) => broker.publishWithin(tx, [{ exchange: '', routingKey: 'relayed', message: { payload: 'kept' } }]));
    await waitFor(async () => (await broker.peek('relayed')).length === 1 || (await broker.sweepOutbox()) > 0, { timeoutMs: 30_000, description: 'the row relayed' });
    await waitFor(async () => (await broker.peek('relayed')).length === 1, { timeoutMs: 30_000, description: 'the message in the queue' });
    expect((await broker.peek('relayed')).map((message) => message.payload)).toEqual(['kept']);
    expect((await db.sql`select count(*)::int as n from rabbitmq_outbox`)[0]!.n).toBe(0);
  });
});
