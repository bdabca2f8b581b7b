import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type amqp from 'amqplib';
import { NotFoundError, type Logger } from '@interflow/core';
import type { AmqpConnection } from './amqp-connection';
import type { AmqpNames } from './amqp-names';
import { DELAY_QUEUE_IDLE_MS, DELAY_QUEUE_REDECLARE_MS, delayBucketMs } from './delay-buckets';
import { declareDurableQueue } from './durable-queue';
import type { Envelope } from './envelope';
import { encodeMeta } from './wire-format';

/** RabbitMQ refused the message (a full queue with overflow reject-publish). */
export class PublishNackedError extends Error {
  constructor(readonly queue: string) {
    super(`RabbitMQ refused a message for queue '${queue}'`);
  }
}

/**
 * RabbitMQ had no queue for a message (it returned the mandatory publication), and the
 * caller asked not to wait: the queue is declared again from the topology record, so
 * sending again later finds it.
 */
export class QueueMissingError extends Error {
  constructor(readonly queue: string) {
    super(`RabbitMQ had no queue '${queue}' for a message; it is declared again from the topology record`);
  }
}

/** The channel went before every message was confirmed, and the caller asked not to wait for the next connection. */
export class ChannelLostError extends Error {
  constructor(readonly unconfirmed: number) {
    super(`the RabbitMQ channel was lost with ${unconfirmed} message(s) unconfirmed`);
  }
}

/** What the sender needs of the topology beside RabbitMQ. */
export interface SenderTopology {
  /** Records a delay queue made for a queue, so stats, purge and delete can find it. */
  recordDelayQueue(queue: string, delayMs: number): Promise<void>;
  /** Declares a queue RabbitMQ does not have again from the record; false when the record has no such queue. */
  restoreQueue(queue: string): Promise<boolean>;
  /** Waits out the time RabbitMQ may hold a declaration in memory only (topology-declarer.ts). */
  settle(): Promise<void>;
}

/** Waits between sends again while RabbitMQ has no queue for them (it may still be bringing its queues back). */
const MISSING_QUEUE_RETRY_MIN_MS = 100;
const MISSING_QUEUE_RETRY_MAX_MS = 2000;

/** One message to send: to its queue now, or through a delay queue when `visibleAt` is in the future. */
export interface Outgoing {
  envelope: Envelope;
  /** Epoch ms; null or past: now. */
  visibleAt: number | null;
}

/**
 * Sends envelopes with publisher confirms: `send` resolves once RabbitMQ has taken
 * responsibility for every message (written to disk for durable queues). A connection
 * lost before the confirm sends the message again on the next connection, so a message
 * whose send resolved is never lost, and one in flight at a drop may arrive twice.
 *
 * Every message is mandatory: RabbitMQ confirms a message it could route nowhere too,
 * and drops it. A queue the topology record holds is missing on RabbitMQ only when
 * RabbitMQ lost it (a crash within a declaration's first seconds) or is still bringing
 * it back after a restart; its messages come back returned, the queue is declared again
 * from the record, and they are sent again until a queue takes them.
 */
export class EnvelopeSender {
  private channel: Promise<amqp.ConfirmChannel> | null = null;
  private readonly declaredDelayQueues = new Map<string, number>();
  /** Per channel, how to answer "lost" for each publish still waiting for its confirm. */
  private readonly awaitingConfirm = new WeakMap<amqp.ConfirmChannel, Set<() => void>>();
  /** Per channel, the messages RabbitMQ returned (no queue) whose confirm has not come yet: it comes right after the return. */
  private readonly returned = new WeakMap<amqp.ConfirmChannel, Set<string>>();

  constructor(
    private readonly connection: AmqpConnection,
    private readonly names: AmqpNames,
    private readonly logger: Logger,
    private readonly topology: SenderTopology,
  ) {}

  async send(messages: Outgoing[], now: number = Date.now()): Promise<void> {
    await this.sendConfirmed(messages, now, 'send again');
  }

  /**
   * Like `send`, but never waits for a connection: with none open, or when the channel
   * goes before every confirm, it throws ChannelLostError (what was sent may arrive
   * anyway). For a caller that holds a database transaction while it sends.
   */
  async sendOnOpenConnection(messages: Outgoing[], now: number = Date.now()): Promise<void> {
    if (!this.connection.connected) throw new ChannelLostError(messages.length);
    await this.sendConfirmed(messages, now, 'fail');
  }

  /** Resolves once a channel is open to send on (waiting, however long, for the connection). */
  async ready(): Promise<void> {
    await this.openChannel();
  }

  private async sendConfirmed(messages: Outgoing[], now: number, onLost: 'send again' | 'fail'): Promise<void> {
    if (messages.length === 0) return;
    const routed = await Promise.all(messages.map((message) => this.destination(message, now)));
    let pending = messages.map((message, index) => ({ message, destination: routed[index]! }));
    let missingRounds = 0;
    for (let tries = 0; pending.length > 0; tries++) {
      const channel = await this.openChannel();
      const outcomes = await Promise.all(pending.map(({ message, destination }) => this.publishOne(channel, destination, message.envelope, now)));
      const nacked = pending.find((_, index) => outcomes[index] === 'nacked');
      if (nacked) throw new PublishNackedError(nacked.message.envelope.queue);
      const unrouted = pending.filter((_, index) => outcomes[index] === 'unroutable');
      pending = pending.filter((_, index) => outcomes[index] === 'lost' || outcomes[index] === 'unroutable');
      if (unrouted.length > 0) {
        await this.restoreDestinations(unrouted.map(({ message, destination }) => ({ queue: message.envelope.queue, destination })));
        if (onLost === 'fail') throw new QueueMissingError(unrouted[0]!.message.envelope.queue);
        if (missingRounds === 0) this.logger.warn('RabbitMQ had no queue for messages; they are sent again once it has', { count: unrouted.length, queues: [...new Set(unrouted.map(({ message }) => message.envelope.queue))] });
        await sleep(Math.min(MISSING_QUEUE_RETRY_MAX_MS, MISSING_QUEUE_RETRY_MIN_MS * 2 ** missingRounds++));
        pending = await Promise.all(pending.map(async ({ message, destination }) => ({ message, destination: destination.delayed ? await this.destination(message, Date.now()) : destination })));
        continue;
      }
      if (pending.length > 0 && onLost === 'fail') throw new ChannelLostError(pending.length);
      if (pending.length > 0) this.logger.warn('unconfirmed messages are sent again after a lost channel', { count: pending.length, tries });
    }
  }

  /**
   * Declares again what RabbitMQ had no queue for: a delay queue by forgetting it was
   * declared (the next send declares it), a queue from the topology record. A queue the
   * record no longer has was deleted meanwhile: its messages have nowhere to go.
   */
  private async restoreDestinations(unrouted: { queue: string; destination: { queue: string; delayed: boolean } }[]): Promise<void> {
    const queues = new Set<string>();
    for (const { queue, destination } of unrouted) {
      if (destination.delayed) this.declaredDelayQueues.delete(destination.queue);
      else queues.add(queue);
    }
    for (const queue of queues) {
      const known = await this.topology.restoreQueue(queue).catch((error: unknown) => {
        // RabbitMQ refuses to declare a queue it is still bringing back (404): the next round tries again.
        this.logger.debug('declaring a missing queue again failed', { queue, error });
        return true;
      });
      if (!known) throw new NotFoundError('queue', queue);
    }
  }

  async close(): Promise<void> {
    const channel = this.channel;
    this.channel = null;
    if (channel) await (await channel.catch(() => null))?.close().catch(() => undefined);
  }

  private openChannel(): Promise<amqp.ConfirmChannel> {
    if (!this.channel) {
      const opening = this.connection.confirmChannel();
      this.channel = opening;
      opening.then(
        (channel) => {
          const awaiting = new Set<() => void>();
          this.awaitingConfirm.set(channel, awaiting);
          const returned = new Set<string>();
          this.returned.set(channel, returned);
          channel.on('return', (message: amqp.Message) => returned.add(returnKey(message.fields.routingKey, message.properties.messageId)));
          channel.on('close', () => {
            if (this.channel === opening) this.channel = null;
            // amqplib answers its waiting confirm callbacks on close only up to the first slot
            // already confirmed out of order (copies for different queues are confirmed in any
            // order); the rest would wait forever, and their publishes with them.
            for (const lost of awaiting) lost();
            awaiting.clear();
          });
        },
        () => {
          if (this.channel === opening) this.channel = null;
        },
      );
    }
    return this.channel;
  }

  private async destination(message: Outgoing, now: number): Promise<{ queue: string; delayed: boolean }> {
    const delayMs = message.visibleAt === null ? 0 : delayBucketMs(message.visibleAt - now);
    if (delayMs <= 0) return { queue: this.names.queue(message.envelope.queue), delayed: false };
    return { queue: await this.delayQueue(message.envelope.queue, delayMs), delayed: true };
  }

  private async delayQueue(queue: string, delayMs: number): Promise<string> {
    const name = this.names.delayQueue(queue, delayMs);
    const declaredAt = this.declaredDelayQueues.get(name);
    if (declaredAt === undefined || Date.now() - declaredAt > DELAY_QUEUE_REDECLARE_MS) {
      await this.topology.recordDelayQueue(queue, delayMs);
      const { created } = await declareDurableQueue(() => this.connection.channel(), name, {
        'x-message-ttl': delayMs,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': this.names.queue(queue),
        'x-expires': delayMs + DELAY_QUEUE_IDLE_MS,
        'x-max-priority': 5,
      });
      // Its messages wait in it for the delay: a crash of RabbitMQ must not lose it with them.
      if (created) await this.topology.settle();
      this.declaredDelayQueues.set(name, Date.now());
    }
    return name;
  }

  private async publishOne(channel: amqp.ConfirmChannel, destination: { queue: string; delayed: boolean }, envelope: Envelope, now: number): Promise<'confirmed' | 'nacked' | 'lost' | 'unroutable'> {
    const meta = encodeMeta(envelope.meta);
    const options: amqp.Options.Publish = { persistent: true, mandatory: true, priority: envelope.priority, messageId: meta.messageId, timestamp: meta.timestamp, headers: meta.headers };
    if (envelope.replyTo !== null) options.replyTo = envelope.replyTo;
    if (envelope.correlationId !== null) options.correlationId = envelope.correlationId;
    if (!destination.delayed && envelope.meta.expiresAt !== null) options.expiration = String(Math.max(1, envelope.meta.expiresAt - now));
    const awaiting = this.awaitingConfirm.get(channel);
    const returned = this.returned.get(channel);
    const key = returnKey(destination.queue, meta.messageId);
    return new Promise((resolve) => {
      const lost = () => resolve('lost');
      awaiting?.add(lost);
      const settle = (outcome: 'confirmed' | 'nacked' | 'lost' | 'unroutable') => {
        awaiting?.delete(lost);
        resolve(outcome);
      };
      try {
        const written = channel.sendToQueue(destination.queue, Buffer.from(envelope.body), options, (error: unknown) => {
          if (!error) settle(returned?.delete(key) ? 'unroutable' : 'confirmed');
          else settle(error instanceof Error && error.message === 'message nacked' ? 'nacked' : 'lost');
        });
        if (!written) void once(channel, 'drain').catch(() => undefined);
      } catch {
        settle('lost');
      }
    });
  }
}

/** A returned message's key: the queue it was sent to (the default exchange's routing key) and its id. */
function returnKey(queue: string, messageId: unknown): string {
  return `${queue}\n${String(messageId)}`;
}
