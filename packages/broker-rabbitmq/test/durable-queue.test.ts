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

  it('declares a new queue without a version (the server default), and declares it again; it tells which declaration made it', async () => {
    expect(await declareDurableQueue(openChannel, name, { 'x-max-priority': 5 })).toEqual({ created: true });
    expect(await declareDurableQueue(openChannel, name, { 'x-max-priority': 5 })).toEqual({ created: false });
    const channel = await openChannel();
    // A declaration naming version 2 would now be refused: the queue carries no version argument.
    await expect(channel.assertQueue(name, { durable: true, arguments: { 'x-max-priority': 5, 'x-queue-version': 2 } })).rejects.toThrow(/x-queue-version/);
  });

  it('keeps a queue made before as version 2', async () => {
    const channel = await openChannel();
    await channel.assertQueue(name, { durable: true, arguments: { 'x-max-priority': 5, 'x-queue-version': 2 } });
    await channel.close();
    expect(await declareDurableQueue(openChannel, name, { 'x-max-priority': 5 })).toEqual({ created: false });
    const again = await openChannel();
    // Still version 2: a declaration without the argument is refused, one naming version 2 is not.
    await expect(again.assertQueue(name, { durable: true, arguments: { 'x-max-priority': 5 } })).rejects.toThrow(/x-queue-version/);
    const third = await openChannel();
    await third.assertQueue(name, { durable: true, arguments: { 'x-max-priority': 5, 'x-queue-version': 2 } });
    await third.close();
  });

  it('still refuses any other difference', async () => {
    await declareDurableQueue(openChannel, name, { 'x-max-priority': 5 });
    await expect(declareDurableQueue(openChannel, name, { 'x-max-priority': 9 })).rejects.toThrow(/x-max-priority/);
  });
});
