import crypto from 'node:crypto';
import amqp from 'amqplib';
import { declareDurableQueue } from '../src/durable-queue';
import { AMQP_URL } from './broker-fixture';

describe('declareDurableQueue', () => {
  let connection: amqp.ChannelModel;
  const name = `test.durable-queue.${crypto.randomUUID()}`;
  const openChannel = async () => {
    const channel = await connection.createChannel();
    channel.on('error', () => undefined);
    return channel;
  };

  beforeAll(async () => {
    connection = await amqp.connect(AMQP_URL);
  });
  afterEach(async () => {
    const channel = await openChannel();
    await channel.deleteQueue(name);
    await channel.close();
  });
  afterAll(() => connection.close());

  it('declares a new queue as version 2, and declares it again', async () => {
    await declareDurableQueue(openChannel, name, { 'x-max-priority': 5 });
    await declareDurableQueue(openChannel, name, { 'x-max-priority': 5 });
    const channel = await openChannel();
    // Version 1 would now be refused: the queue is version 2.
    await expect(channel.assertQueue(name, { durable: true, arguments: { 'x-max-priority': 5, 'x-queue-version': 1 } })).rejects.toThrow(/x-queue-version/);
  });

  it('keeps a queue made before as version 1', async () => {
    const channel = await openChannel();
    await channel.assertQueue(name, { durable: true, arguments: { 'x-max-priority': 5 } });
    await channel.close();
    await declareDurableQueue(openChannel, name, { 'x-max-priority': 5 });
  });

  it('still refuses any other difference', async () => {
    await declareDurableQueue(openChannel, name, { 'x-max-priority': 5 });
    await expect(declareDurableQueue(openChannel, name, { 'x-max-priority': 9 })).rejects.toThrow(/x-max-priority/);
  });
});
