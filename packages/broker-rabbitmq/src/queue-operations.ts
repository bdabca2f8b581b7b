import type amqp from 'amqplib';
import { type Delivery } from '@interflow/broker';
import { NotFoundError, ValidationError, type Sql } from '@interflow/core';
import type { AmqpConnection } from './amqp-connection';
import type { AmqpNames } from './amqp-names';
import { withMeta } from './envelope';
import type { EnvelopeSender } from './envelope-sender';
import { markReturned } from './intentional-returns';
import { passiveDeclare } from './passive-declare';
import { decodeMessage } from './message-decoder';
import { ackOn } from './settlement';
import { toDelivery } from './to-delivery';
import { delayQueuesOf, forgetDelayQueue } from './topology-store';
import { forgetTrackedIn, trackedRevived } from './tracked-messages';

/**
 * Operations on a queue's contents that AMQP offers only in pieces: counts (a passive
 * declare per queue), peek (get, then put back on purpose), redrive (get, send a copy
 * to where it died, ack). Each runs on a channel of its own: RabbitMQ closes a channel
 * that names a missing queue.
 */
export class QueueOperations {
  constructor(
    private readonly sql: Sql,
    private readonly connection: AmqpConnection,
    private readonly names: AmqpNames,
    private readonly sender: EnvelopeSender,
    private readonly queueOfAmqpName: (name: string) => string,
  ) {}

  /** Ready messages (RabbitMQ's message count: neither delayed nor unacknowledged). */
  async readyCount(queue: string): Promise<number> {
    return (await this.count(this.names.queue(queue))) ?? 0;
  }

  /** Messages waiting in the queue's delay queues; forgets delay queues RabbitMQ has expired. */
  async delayedCount(queue: string): Promise<number> {
    let total = 0;
    for (const delayMs of await delayQueuesOf(this.sql, queue)) {
      const count = await this.count(this.names.delayQueue(queue, delayMs));
      if (count === null) await forgetDelayQueue(this.sql, queue, delayMs);
      else total += count;
    }
    return total;
  }

  /** Drops ready and delayed messages; answers how many. */
  async purge(queue: string): Promise<number> {
    let purged = 0;
    const names = [this.names.queue(queue), ...(await delayQueuesOf(this.sql, queue)).map((delayMs) => this.names.delayQueue(queue, delayMs))];
    for (const name of names) purged += await this.onChannel((channel) => channel.purgeQueue(name).then((reply) => reply.messageCount)).catch(() => 0);
    await this.sql`delete from rabbitmq_dedupe_keys where queue = ${queue}`;
    await forgetTrackedIn(this.sql, queue);
    return purged;
  }

  async peek(queue: string, limit: number): Promise<Delivery[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new ValidationError('limit must be an integer from 1 to 1000', [{ field: 'limit', message: 'must be an integer from 1 to 1000' }]);
    return this.onChannel(async (channel) => {
      const taken: amqp.GetMessage[] = [];
      for (let i = 0; i < limit; i++) {
        const message = await channel.get(this.names.queue(queue), { noAck: false });
        if (message === false) break;
        taken.push(message);
      }
      const deliveries = taken.map((message) => toDelivery(decodeMessage(message, queue, this.names, this.queueOfAmqpName), '', 0));
      await markReturned(this.sql, deliveries.map((delivery) => delivery.messageId));
      for (const message of taken) channel.nack(message, false, true);
      return deliveries;
    });
  }

  /** Sends dead letters back to the queue they died in (first attempt again, deaths kept); answers how many moved. */
  async redrive(deadLetterQueue: string, max: number, messageIds: string[] | null): Promise<number> {
    const wanted = messageIds === null ? null : new Set(messageIds);
    return this.onChannel(async (channel) => {
      const total = (await channel.checkQueue(this.names.queue(deadLetterQueue))).messageCount;
      const kept: amqp.GetMessage[] = [];
      let moved = 0;
      for (let seen = 0; seen < total && moved < max; seen++) {
        const message = await channel.get(this.names.queue(deadLetterQueue), { noAck: false });
        if (message === false) break;
        const envelope = decodeMessage(message, deadLetterQueue, this.names, this.queueOfAmqpName);
        const origin = envelope.meta.deadFrom;
        if ((wanted && !wanted.has(envelope.meta.id)) || origin === null || !(await this.queueExists(origin))) {
          kept.push(message);
          continue;
        }
        await this.sender.send([{ envelope: withMeta(envelope, { attempts: 0, recovered: false, deadFrom: null }, origin), visibleAt: null }]);
        ackOn(channel, message);
        if (envelope.meta.tracked) await trackedRevived(this.sql, envelope.meta.id, origin);
        moved++;
      }
      await markReturned(this.sql, kept.map((message) => decodeMessage(message, deadLetterQueue, this.names, this.queueOfAmqpName).meta.id));
      for (const message of kept) channel.nack(message, false, true);
      return moved;
    });
  }

  /** Seconds the message at the head has waited since it was published (0 when none waits); the head is looked at and put back. */
  async oldestReadyAgeSeconds(queue: string): Promise<number> {
    const [head] = await this.peek(queue, 1);
    return head ? Math.max(0, (Date.now() - head.publishedAt.getTime()) / 1000) : 0;
  }

  async requireQueue(name: string): Promise<void> {
    if (!(await this.queueExists(name))) throw new NotFoundError('queue', name);
  }

  private async queueExists(name: string): Promise<boolean> {
    return (await this.sql`select 1 from rabbitmq_queues where name = ${name}`).length > 0;
  }

  /** The message count of an AMQP queue, or null when it does not exist. */
  private async count(amqpName: string): Promise<number | null> {
    return (await passiveDeclare(() => this.connection.channel(), amqpName))?.messageCount ?? null;
  }

  private async onChannel<T>(work: (channel: amqp.Channel) => Promise<T>): Promise<T> {
    const channel = await this.connection.channel();
    try {
      return await work(channel);
    } finally {
      await channel.close().catch(() => undefined);
    }
  }
}
