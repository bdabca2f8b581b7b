import { setTimeout as sleep } from 'node:timers/promises';
import type amqp from 'amqplib';
import { type Binding, type ExchangeType, type QueuePolicy } from '@interflow/broker';
import type { AmqpConnection } from './amqp-connection';
import type { AmqpNames } from './amqp-names';
import { declareDurableQueue } from './durable-queue';

/**
 * Mirrors the topology record on RabbitMQ. Every queue is a durable classic queue
 * (the server's default version: durable-queue.ts) with priorities 1–5
 * and dead-letters (expired, overflowed) into the broker's dead-letter exchange keyed by
 * its own name; its dead-letter queue is a binding there, so it can change. Max length
 * and overflow are queue arguments, fixed at creation. Alternate exchanges are applied
 * by the broker's own routing (an AMQP argument could never change).
 *
 * A declaration that made a queue, or changed where it dead-letters, resolves only once
 * RabbitMQ has surely written it out (`settleMs`, durable-queue.ts): until then a crash
 * of RabbitMQ would lose the queue with the messages confirmed into it.
 */
export class TopologyDeclarer {
  private deadLetterExchangeDeclared = false;

  constructor(
    private readonly connection: AmqpConnection,
    private readonly names: AmqpNames,
    private readonly settleMs: number,
  ) {}

  async exchange(name: string, type: ExchangeType): Promise<void> {
    await this.onChannel((channel) => channel.assertExchange(this.names.exchange(name), type, { durable: true }));
  }

  async deleteExchange(name: string): Promise<void> {
    await this.onChannel((channel) => channel.deleteExchange(this.names.exchange(name)));
  }

  /** Answers whether it wrote anything (made the queue or changed its dead-letter binding); `settle: false` leaves the wait to the caller. */
  async queue(name: string, policy: QueuePolicy, previous: QueuePolicy | null, settle = true): Promise<boolean> {
    const amqpName = this.names.queue(name);
    const dlx = this.names.deadLetterExchange();
    const wrote = await this.onChannel(async (channel) => {
      if (!this.deadLetterExchangeDeclared) {
        await channel.assertExchange(dlx, 'direct', { durable: true });
        this.deadLetterExchangeDeclared = true;
      }
      const args: Record<string, unknown> = { 'x-max-priority': 5, 'x-dead-letter-exchange': dlx };
      if (policy.maxLength !== null) {
        args['x-max-length'] = policy.maxLength;
        args['x-overflow'] = policy.overflow === 'dead_letter_oldest' ? 'drop-head' : 'reject-publish';
      }
      const { created } = await declareDurableQueue(() => this.connection.channel(), amqpName, args);
      const before = previous?.deadLetterQueue ?? null;
      if (before !== null && before !== policy.deadLetterQueue) await channel.unbindQueue(this.names.queue(before), dlx, amqpName);
      if (policy.deadLetterQueue !== null) await this.bindDeadLetterQueue(channel, name, policy.deadLetterQueue);
      return created || before !== policy.deadLetterQueue;
    });
    if (wrote && settle) await this.settle();
    return wrote;
  }

  /** Waits out the time RabbitMQ may hold a declaration in memory only. */
  async settle(): Promise<void> {
    await sleep(this.settleMs);
  }

  /** Binds a dead-letter queue to what its source queue dead-letters (restoring it after RabbitMQ lost the dead-letter queue). */
  async deadLetterBinding(source: string, deadLetterQueue: string): Promise<void> {
    await this.onChannel((channel) => this.bindDeadLetterQueue(channel, source, deadLetterQueue));
  }

  /** What `source` dead-letters goes to `deadLetterQueue`: a binding on the dead-letter exchange, keyed by the source's AMQP name. */
  private async bindDeadLetterQueue(channel: amqp.Channel, source: string, deadLetterQueue: string): Promise<void> {
    await channel.bindQueue(this.names.queue(deadLetterQueue), this.names.deadLetterExchange(), this.names.queue(source));
  }

  async deleteQueue(name: string, delays: number[]): Promise<void> {
    await this.onChannel(async (channel) => {
      await channel.deleteQueue(this.names.queue(name));
      for (const delayMs of delays) await channel.deleteQueue(this.names.delayQueue(name, delayMs));
    });
  }

  async removeAll(queues: string[], delays: { queue: string; delayMs: number }[], exchanges: string[]): Promise<void> {
    await this.onChannel(async (channel) => {
      for (const queue of queues) await channel.deleteQueue(this.names.queue(queue));
      for (const delay of delays) await channel.deleteQueue(this.names.delayQueue(delay.queue, delay.delayMs));
      for (const exchange of exchanges) await channel.deleteExchange(this.names.exchange(exchange));
      await channel.deleteExchange(this.names.deadLetterExchange());
    });
  }

  async bind(binding: Binding, type: ExchangeType): Promise<void> {
    const [key, args] = bindingArguments(binding, type);
    await this.onChannel((channel) => channel.bindQueue(this.names.queue(binding.queue), this.names.exchange(binding.exchange), key, args));
  }

  async unbind(binding: Binding, type: ExchangeType): Promise<void> {
    const [key, args] = bindingArguments(binding, type);
    await this.onChannel((channel) => channel.unbindQueue(this.names.queue(binding.queue), this.names.exchange(binding.exchange), key, args));
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

function bindingArguments(binding: Binding, type: ExchangeType): [string, Record<string, unknown> | undefined] {
  if (type === 'headers') return ['', { ...binding.headers, 'x-match': binding.headersMatch }];
  return [type === 'fanout' ? '' : binding.bindingKey, undefined];
}
