import crypto from 'node:crypto';
import type net from 'node:net';
import amqp from 'amqplib';
import { waitFor } from '@interflow/test-kit';
import { coalesceFrameWrites } from '../src/frame-writes';
import { AMQP_URL } from './broker-fixture';

/** Socket writes made while `act` runs and amqplib's next pass writes what it queued. */
async function socketWritesDuring(connection: amqp.ChannelModel, act: () => void): Promise<number> {
  const socket = (connection as unknown as { connection: { stream: net.Socket } }).connection.stream;
  const spied = socket as unknown as { _writeGeneric: (...args: unknown[]) => unknown };
  const original = spied._writeGeneric;
  let writes = 0;
  spied._writeGeneric = function countedWrite(this: unknown, ...args: unknown[]) {
    writes++;
    return original.apply(this, args);
  };
  try {
    act();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    return writes;
  } finally {
    spied._writeGeneric = original;
  }
}

describe('coalesceFrameWrites', () => {
  const queue = `test.frame-writes.${crypto.randomUUID()}`;

  afterAll(async () => {
    const connection = await amqp.connect(AMQP_URL);
    const channel = await connection.createChannel();
    await channel.deleteQueue(queue);
    await connection.close();
  });

  it('sends what two channels queued in one turn as one socket write, and every message arrives', async () => {
    for (const coalesced of [false, true]) {
      const connection = await amqp.connect(AMQP_URL);
      try {
        if (coalesced) expect(coalesceFrameWrites(connection)).toBe(true);
        const first = await connection.createConfirmChannel();
        const second = await connection.createConfirmChannel();
        await first.assertQueue(queue, { durable: true });
        await first.purgeQueue(queue);
        const writes = await socketWritesDuring(connection, () => {
          for (let index = 0; index < 5; index++) {
            first.sendToQueue(queue, Buffer.from(`a${index}`), { persistent: true });
            second.sendToQueue(queue, Buffer.from(`b${index}`), { persistent: true });
          }
        });
        expect(writes).toBe(coalesced ? 1 : 10);
        await first.waitForConfirms();
        await second.waitForConfirms();
        await waitFor(async () => (await first.checkQueue(queue)).messageCount === 10, { description: 'all ten messages in the queue' });
      } finally {
        await connection.close();
      }
    }
  });

  it('changes nothing and says so when the connection is not amqplib 0.10', () => {
    expect(coalesceFrameWrites({} as amqp.ChannelModel)).toBe(false);
  });
});
