import crypto from 'node:crypto';
import type amqp from 'amqplib';
import { type Consumer, type Delivery, type DeliveryHandler } from '@interflow/broker';
import { PermanentError, RateLimitedError, type Logger, type Sql } from '@interflow/core';
import type { AmqpConnection } from './amqp-connection';
import type { AmqpNames } from './amqp-names';
import { deregisterConsumer, heartbeatConsumers } from './consumer-registry';
import { AckBatcher } from './ack-batcher';
import { AmqpDeliveryControl, type Settler } from './delivery-control';
import type { Envelope } from './envelope';
import { markReturned } from './intentional-returns';
import type { Leases } from './leases';
import { decodeMessage } from './message-decoder';
import { isNotFound } from './passive-declare';
import { toDelivery } from './to-delivery';

export interface ConsumerParts {
  connection: AmqpConnection;
  names: AmqpNames;
  leases: Leases;
  settler: Settler;
  sql: Sql;
  logger: Logger;
  /** The arrival checks (lost lease, expired, early); null when the message was dealt with. */
  arrive(queue: string, channel: amqp.Channel, message: amqp.Message): Promise<Envelope | null>;
  queueOfAmqpName(name: string): string;
  /** Declares a queue RabbitMQ does not have again from the topology record (queue-restorer.ts). */
  restoreQueue(queue: string): Promise<boolean>;
  leaseMsFor(envelope: Envelope, leaseMs: number | null): Promise<number>;
  /** Settles made within a transaction that still wait for its commit, on this channel. */
  pendingSettles(channel: amqp.Channel): Promise<void>;
  heartbeatIntervalMs: number;
}

interface Arrived {
  envelope: Envelope;
  message: amqp.Message;
  channel: amqp.Channel;
}

const REOPEN_DELAY_MS = 1000;

/**
 * A push consumer (basic.consume with manual acks, prefetch = concurrency + prefetch).
 * Deliveries wait in arrival order for a free handler, keeping their place (RabbitMQ
 * holds them unacknowledged; their lease starts when a handler takes them). A recovered
 * delivery is handled alone. stop() cancels, lets running handlers finish and returns
 * what waited to the queue.
 */
export class AmqpQueueConsumer implements Consumer {
  readonly id = crypto.randomUUID();
  private channel: amqp.Channel | null = null;
  private opening: Promise<void> | null = null;
  private tag: string | null = null;
  private readonly waiting: Arrived[] = [];
  private running = 0;
  private aloneRunning = false;
  private stopping = false;
  private stopped: Promise<void> | null = null;
  private idle: (() => void) | null = null;
  private readonly settlements = new Set<Promise<void>>();
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly parts: ConsumerParts,
    readonly queue: string,
    private readonly handler: DeliveryHandler,
    private readonly options: { concurrency: number; prefetch: number; leaseMs: number | null; consumerName: string },
  ) {}

  /** Deliveries held: handlers running and prefetched ones waiting. */
  get waitingCount(): number {
    return this.waiting.length;
  }

  get inFlight(): number {
    return this.running + this.waiting.length;
  }

  start(): void {
    this.ensureOpen();
    this.heartbeat = setInterval(() => void this.beat(), this.parts.heartbeatIntervalMs);
    this.heartbeat.unref();
    void this.beat();
  }

  stop(): Promise<void> {
    this.stopped ??= this.shutdown();
    return this.stopped;
  }

  /**
   * Starts opening the consuming channel unless it is open or being opened: exactly one
   * opener runs at a time. (Two once ran side by side, the retry loop and the reopen of
   * a channel closed during a failed start, and each failure doubled them until the
   * connection ran out of channels, while queues were coming back after a SIGKILL.)
   */
  private ensureOpen(): void {
    if (this.stopping || this.opening || this.channel) return;
    this.opening = this.open().finally(() => (this.opening = null));
  }

  private async open(): Promise<void> {
    while (!this.stopping) {
      let channel: amqp.Channel | null = null;
      let closed = false;
      try {
        channel = await this.parts.connection.channel();
        if (this.stopping) throw new Error('the consumer stopped while its channel opened');
        const opened = channel;
        opened.on('close', () => {
          closed = true;
          this.channelClosed(opened);
        });
        const acks = AckBatcher.attach(opened);
        await opened.prefetch(this.options.concurrency + this.options.prefetch);
        const reply = await opened.consume(this.parts.names.queue(this.queue), (message) => {
          if (message) acks.received(message);
          this.received(opened, message);
        }, { noAck: false, consumerTag: `${this.options.consumerName}.${this.id}` });
        // The server may close the channel in the same read that confirmed the consume.
        if (closed) throw new Error('the channel closed as the consumer started');
        // A stop() begun meanwhile did not see this channel: closing it returns what it was sent.
        if (this.stopping) throw new Error('the consumer stopped while it started');
        this.channel = opened;
        this.tag = reply.consumerTag;
        return;
      } catch (error) {
        if (channel && !closed) await channel.close().catch(() => undefined);
        if (this.stopping) return;
        this.parts.logger.warn('starting a RabbitMQ consumer failed; retrying', { queue: this.queue, error });
        // No such queue: RabbitMQ lost it (or is still bringing it back, and refuses the declaration too).
        if (isNotFound(error)) await this.parts.restoreQueue(this.queue).catch((restoreError: unknown) => this.parts.logger.debug('declaring the queue again failed', { queue: this.queue, error: restoreError }));
        await new Promise((resolve) => setTimeout(resolve, REOPEN_DELAY_MS));
      }
    }
  }

  private channelClosed(channel: amqp.Channel): void {
    const wasConsuming = this.channel === channel;
    if (wasConsuming) {
      this.channel = null;
      this.tag = null;
    }
    this.parts.leases.dropChannel(channel);
    const lost = this.waiting.filter((arrived) => arrived.channel === channel);
    this.waiting.splice(0, this.waiting.length, ...this.waiting.filter((arrived) => arrived.channel !== channel));
    // RabbitMQ put them back; they never reached a handler, so their redelivery spends no attempt.
    void markReturned(this.parts.sql, lost.map((arrived) => arrived.envelope.meta.id)).catch(() => undefined);
    // A channel that closed while it was being opened is the opener's to retry.
    if (wasConsuming && !this.stopping) setTimeout(() => this.ensureOpen(), REOPEN_DELAY_MS).unref();
  }

  private received(channel: amqp.Channel, message: amqp.ConsumeMessage | null): void {
    if (message === null) {
      // Cancelled by the server (the queue was deleted): try again later.
      if (!this.stopping) {
        AckBatcher.of(channel)?.flush();
        void channel.close().catch(() => undefined);
      }
      return;
    }
    const envelope = decodeMessage(message, this.queue, this.parts.names, this.parts.queueOfAmqpName);
    const now = Date.now();
    const plain = !message.fields.redelivered && (envelope.meta.expiresAt === null || envelope.meta.expiresAt > now) && (envelope.meta.notBefore === null || envelope.meta.notBefore <= now + 5);
    if (plain) {
      this.waiting.push({ envelope, message, channel });
      this.pump();
      return;
    }
    void this.parts.arrive(this.queue, channel, message).then(
      (checked) => {
        if (!checked) return;
        this.waiting.push({ envelope: checked, message, channel });
        this.pump();
      },
      (error: unknown) => this.parts.logger.warn('a redelivered, expired or early message could not be dealt with; it stays unacknowledged', { queue: this.queue, error }),
    );
  }

  private pump(): void {
    while (!this.stopping && !this.aloneRunning && this.waiting.length > 0 && this.running < this.options.concurrency) {
      const next = this.waiting[0]!;
      if (next.envelope.meta.recovered && this.running > 0) return;
      this.waiting.shift();
      void this.handle(next);
    }
  }

  private async handle(arrived: Arrived): Promise<void> {
    this.running++;
    const alone = arrived.envelope.meta.recovered;
    if (alone) {
      this.aloneRunning = true;
      this.parts.logger.info('handing over a recovered delivery alone (its last consumer died or stalled holding it)', { queue: this.queue, messageId: arrived.envelope.meta.id });
    }
    try {
      const leaseMs = await this.parts.leaseMsFor(arrived.envelope, this.options.leaseMs);
      const held = this.parts.leases.hold(arrived, leaseMs);
      const delivery = toDelivery(arrived.envelope, held.token, held.leaseExpiresAt);
      const control = new AmqpDeliveryControl(this.parts.settler, delivery);
      held.onLeaseLost = (error) => control.abort(error);
      await this.runHandler(delivery, control);
    } catch (error) {
      this.parts.logger.warn('handing over a delivery failed', { queue: this.queue, messageId: arrived.envelope.meta.id, error });
    } finally {
      this.running--;
      if (alone) this.aloneRunning = false;
      if (this.running === 0) this.idle?.();
      this.pump();
    }
  }

  private async runHandler(delivery: Delivery, control: AmqpDeliveryControl): Promise<void> {
    try {
      await this.handler(delivery, control);
      if (control.settled) return;
      if (control.leaseLost) {
        this.parts.logger.warn('handler returned after its lease was lost; not acking (the message will be delivered again)', { messageId: delivery.messageId });
        return;
      }
      this.track(control.ack(), delivery, 'ack');
    } catch (error) {
      if (control.settled) {
        this.parts.logger.warn('handler failed after settling its delivery', { messageId: delivery.messageId, error });
      } else if (control.leaseLost) {
        this.parts.logger.warn('handler failed after its lease was lost; the message will be delivered again', { messageId: delivery.messageId, error });
      } else if (error instanceof PermanentError) {
        this.track(control.reject(error.message), delivery, 'reject');
      } else if (error instanceof RateLimitedError) {
        this.track(control.nack({ delayMs: error.retryAfterMs, countAttempt: false, reason: error.message }), delivery, 'nack');
      } else {
        const reason = error instanceof Error ? error.message : String(error);
        this.parts.logger.debug('handler failed; nacking', { messageId: delivery.messageId, attempt: delivery.attempt, error });
        this.track(control.nack({ reason }), delivery, 'nack');
      }
    }
  }

  private track(settlement: Promise<void>, delivery: Delivery, kind: string): void {
    const tracked = settlement.catch((error: unknown) => {
      this.parts.logger.warn('settling failed; the message will be delivered again', { messageId: delivery.messageId, settle: kind, error });
    });
    this.settlements.add(tracked);
    void tracked.finally(() => this.settlements.delete(tracked));
  }

  private async beat(): Promise<void> {
    await heartbeatConsumers(this.parts.sql, [
      { id: this.id, queue: this.queue, name: this.options.consumerName, concurrency: this.options.concurrency, prefetch: this.options.prefetch, inFlight: this.inFlight },
    ]).catch((error: unknown) => this.parts.logger.warn('consumer heartbeat failed', { error }));
  }

  private async shutdown(): Promise<void> {
    this.stopping = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    // An opener still at work is not waited for (it may wait for RabbitMQ to come back): it closes what it opens.
    const channel = this.channel;
    if (channel && this.tag) await channel.cancel(this.tag).catch(() => undefined);
    if (this.running > 0) await new Promise<void>((resolve) => (this.idle = resolve));
    await Promise.allSettled([...this.settlements]);
    if (channel) await this.parts.pendingSettles(channel);
    const rest = this.waiting.splice(0);
    await markReturned(this.parts.sql, rest.map((arrived) => arrived.envelope.meta.id)).catch(() => undefined);
    for (const arrived of rest) {
      try {
        const acks = AckBatcher.of(arrived.channel);
        if (acks) acks.requeue([arrived.message]);
        else arrived.channel.nack(arrived.message, false, true);
      } catch {
        // The channel is gone: RabbitMQ put it back already.
      }
    }
    await deregisterConsumer(this.parts.sql, this.id).catch((error: unknown) => this.parts.logger.warn('consumer deregistration failed', { error }));
    if (channel) {
      AckBatcher.of(channel)?.flush();
      await channel.close().catch(() => undefined);
    }
  }
}
