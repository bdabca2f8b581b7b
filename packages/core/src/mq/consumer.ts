import crypto from 'node:crypto';
import type { Clock } from '../clock';
import { PermanentError, RateLimitedError } from '../errors';
import type { Logger } from '../logger/create-logger';
import type { Consumer, ConsumeOptions, Delivery, DeliveryHandler, DeliveryRef, NackOptions } from './broker';
import { DeliveryControlImpl } from './delivery-control';
import { StaleDeliveryError } from './errors';
import { WakeSignal } from './wake-signal';

/** What a consumer needs from its broker. */
export interface ConsumerBackend {
  claim(queue: string, max: number, leaseMs: number | null, consumerId: string): Promise<Delivery[]>;
  /** Batched with other acks (group commit); rejects with StaleDeliveryError when the lease was lost. */
  ackOne(ref: DeliveryRef): Promise<void>;
  nack(ref: DeliveryRef, options?: NackOptions): Promise<void>;
  reject(ref: DeliveryRef, reason: string): Promise<void>;
  extendLease(ref: DeliveryRef, ms: number): Promise<Date>;
  release(queue: string, refs: DeliveryRef[]): Promise<void>;
  subscribe(queue: string, listener: () => void): () => void;
  register(consumer: ConsumerRegistration): Promise<void>;
  heartbeat(consumer: ConsumerRegistration): Promise<void>;
  deregister(id: string): Promise<void>;
}

export interface ConsumerRegistration {
  id: string;
  queue: string;
  name: string;
  concurrency: number;
  prefetch: number;
}

export interface ConsumerTiming {
  /** Claim again after this long without a wake-up (the fallback when NOTIFY is lost). */
  pollIntervalMs: number;
  heartbeatIntervalMs: number;
}

/**
 * The consume loop: claims in batches (up to concurrency + prefetch deliveries held,
 * refilled when the prefetch buffer runs half empty), runs up to `concurrency` handlers
 * at once, and settles by the handler's outcome. Acks are not awaited by the handler
 * slot: they are group-committed with other acks, which is what makes draining fast.
 * Sleeps until a wake-up or the poll interval when the queue is empty; retries after
 * database errors (a restart) at the poll interval.
 */
export class QueueConsumer implements Consumer {
  readonly id: string;
  private readonly registration: ConsumerRegistration;
  private readonly signal = new WakeSignal();
  private readonly buffer: Delivery[] = [];
  private readonly controls = new Map<string, DeliveryControlImpl>();
  private readonly handlers = new Set<Promise<void>>();
  private readonly settlements = new Set<Promise<void>>();
  private readonly logger: Logger;
  private running = true;
  private loopDone: Promise<void> = Promise.resolve();
  private stopping: Promise<void> | null = null;
  private unsubscribe: () => void = () => undefined;
  private ticker: NodeJS.Timeout | null = null;
  private claimFailures = 0;
  /** What the claim loop sleeps for: free handler slots, or new messages. */
  private waitingFor: 'capacity' | 'messages' | null = null;

  constructor(
    private readonly backend: ConsumerBackend,
    readonly queue: string,
    private readonly handler: DeliveryHandler,
    private readonly options: Required<Pick<ConsumeOptions, 'concurrency' | 'prefetch'>> & { leaseMs: number | null; consumerName: string },
    private readonly timing: ConsumerTiming,
    private readonly clock: Clock,
    logger: Logger,
  ) {
    this.id = `${options.consumerName}:${crypto.randomUUID()}`;
    this.registration = { id: this.id, queue, name: options.consumerName, concurrency: options.concurrency, prefetch: options.prefetch };
    this.logger = logger.child({ queue, consumerId: this.id });
  }

  start(): void {
    this.unsubscribe = this.backend.subscribe(this.queue, () => this.signal.ring());
    void this.backend.register(this.registration).catch((error: unknown) => this.logger.warn('consumer registration failed', { error }));
    let ticks = 0;
    const everyTicks = Math.max(1, Math.round(this.timing.heartbeatIntervalMs / 1000));
    this.ticker = setInterval(() => {
      this.abortLapsedLeases();
      if (++ticks % everyTicks === 0) {
        void this.backend.heartbeat(this.registration).catch((error: unknown) => this.logger.debug('consumer heartbeat failed', { error }));
      }
    }, 1000);
    this.ticker.unref();
    this.loopDone = this.claimLoop();
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    this.running = false;
    this.signal.ring();
    await this.loopDone;
    const unstarted = this.buffer.splice(0);
    if (unstarted.length > 0) {
      await this.backend.release(this.queue, unstarted).catch((error: unknown) => this.logger.warn('releasing prefetched deliveries failed; their leases will lapse', { error }));
    }
    while (this.handlers.size > 0) await Promise.allSettled([...this.handlers]);
    await Promise.allSettled([...this.settlements]);
    if (this.ticker) clearInterval(this.ticker);
    this.unsubscribe();
    await this.backend.deregister(this.id).catch((error: unknown) => this.logger.warn('consumer deregistration failed', { error }));
  }

  private capacity(): number {
    return this.options.concurrency + this.options.prefetch - this.handlers.size - this.buffer.length;
  }

  private async claimLoop(): Promise<void> {
    const lowWater = Math.floor(this.options.prefetch / 2);
    while (this.running) {
      const wanted = this.capacity();
      if (wanted <= 0 || this.buffer.length > lowWater) {
        await this.sleep('capacity');
        continue;
      }
      let deliveries: Delivery[];
      try {
        deliveries = await this.backend.claim(this.queue, wanted, this.options.leaseMs, this.id);
        if (this.claimFailures > 0) this.logger.info('claiming works again', { failures: this.claimFailures });
        this.claimFailures = 0;
      } catch (error) {
        if (this.claimFailures++ % 20 === 0) this.logger.warn('claim failed; retrying', { error });
        await this.sleep('messages');
        continue;
      }
      this.buffer.push(...deliveries);
      this.dispatch();
      // Fewer than asked for: the queue is empty for now. Claiming again at once would
      // only find nothing; the next publish rings the doorbell (or the poll interval passes).
      if (deliveries.length < wanted) await this.sleep('messages');
    }
  }

  private async sleep(reason: 'capacity' | 'messages'): Promise<void> {
    this.waitingFor = reason;
    try {
      await this.signal.wait(this.timing.pollIntervalMs);
    } finally {
      this.waitingFor = null;
    }
  }

  private dispatch(): void {
    while (this.running && this.handlers.size < this.options.concurrency && this.buffer.length > 0) {
      const delivery = this.buffer.shift();
      if (!delivery) break;
      const handling = this.handle(delivery).finally(() => {
        this.handlers.delete(handling);
        this.dispatch();
        // Only a loop waiting for free slots cares; one waiting for messages would claim in vain.
        if (this.waitingFor === 'capacity') this.signal.ring();
      });
      this.handlers.add(handling);
    }
  }

  private async handle(delivery: Delivery): Promise<void> {
    const control = new DeliveryControlImpl(this.backend, delivery);
    this.controls.set(delivery.messageId, control);
    try {
      await this.handler(delivery, control);
      if (!control.settled) this.track(control.ack(), delivery, 'ack');
    } catch (error) {
      if (control.settled) {
        this.logger.warn('handler failed after settling its delivery', { messageId: delivery.messageId, error });
      } else if (error instanceof PermanentError) {
        this.track(control.reject(error.message), delivery, 'reject');
      } else if (error instanceof RateLimitedError) {
        this.track(control.nack({ delayMs: error.retryAfterMs, countAttempt: false, reason: error.message }), delivery, 'nack');
      } else {
        const reason = error instanceof Error ? error.message : String(error);
        this.logger.debug('handler failed; nacking', { messageId: delivery.messageId, attempt: delivery.attempt, error });
        this.track(control.nack({ reason }), delivery, 'nack');
      }
    } finally {
      this.controls.delete(delivery.messageId);
    }
  }

  /** Keeps a settlement in view until it lands, so stop() can wait for it; logs a lost lease. */
  private track(settlement: Promise<unknown>, delivery: Delivery, kind: string): void {
    const tracked = settlement.then(
      () => undefined,
      (error: unknown) => {
        const message = error instanceof StaleDeliveryError ? 'lease lost before settling; the message will be delivered again' : 'settling failed; the lease will lapse';
        this.logger.warn(message, { messageId: delivery.messageId, settle: kind, error });
      },
    );
    this.settlements.add(tracked);
    void tracked.finally(() => this.settlements.delete(tracked));
  }

  private abortLapsedLeases(): void {
    const now = this.clock.now().getTime();
    for (const control of this.controls.values()) {
      if (control.leaseExpiresAt.getTime() < now) control.abort(new StaleDeliveryError(control.delivery.messageId));
    }
  }
}
