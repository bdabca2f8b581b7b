import { type Clock, PermanentError, RateLimitedError, type Logger } from '@interflow/core';
import { type Delivery, type DeliveryHandler, StaleDeliveryError } from '@interflow/broker';
import { inDeliverySpan } from './consume-tracing';
import { DeliveryControlImpl, type Settler } from './delivery-control';

export interface HandlerPoolDeps {
  queue: string;
  handler: DeliveryHandler;
  settler: Settler;
  clock: Clock;
  logger: Logger;
  /** A handler returned without settling, its lease still held: ack it with the next statement. */
  autoAck(delivery: Delivery): void;
  /** A handler ended (its slot is free). */
  handlerDone(): void;
}

/**
 * The handlers running for one consumer, each settled by its outcome: returned → ack
 * (unless it settled itself or lost its lease), PermanentError → reject,
 * RateLimitedError → nack after its retry-after without counting the attempt, any other
 * error → nack by the queue's backoff. A recovered delivery's handler runs alone
 * (`isolatedRunning`). Settlements stay in view until they land, so a stopping consumer
 * can wait for them.
 */
export class HandlerPool {
  private readonly running = new Set<Promise<void>>();
  private readonly controls = new Map<string, DeliveryControlImpl>();
  private readonly settlements = new Set<Promise<void>>();
  private isolated = false;

  constructor(private readonly deps: HandlerPoolDeps) {}

  get size(): number {
    return this.running.size;
  }

  get isolatedRunning(): boolean {
    return this.isolated;
  }

  start(delivery: Delivery, isolated: boolean): void {
    if (isolated) this.isolated = true;
    const handling = this.handle(delivery).finally(() => {
      this.running.delete(handling);
      if (isolated) this.isolated = false;
      this.deps.handlerDone();
    });
    this.running.add(handling);
  }

  /** Aborts the signal of every handler whose lease has lapsed (it should give up: the message is someone else's). */
  abortLapsedLeases(): void {
    const now = this.deps.clock.now().getTime();
    for (const control of this.controls.values()) {
      if (control.leaseExpiresAt.getTime() < now) control.abort(new StaleDeliveryError(control.delivery.messageId));
    }
  }

  /** Resolves when every nack and reject started so far has landed (or failed). */
  async settlementsLanded(): Promise<void> {
    await Promise.allSettled([...this.settlements]);
  }

  private async handle(delivery: Delivery): Promise<void> {
    const { logger } = this.deps;
    const control = new DeliveryControlImpl(this.deps.settler, delivery);
    this.controls.set(delivery.messageId, control);
    try {
      await inDeliverySpan(this.deps.queue, delivery, () => this.deps.handler(delivery, control));
      if (control.settled) return;
      if (control.leaseLost || control.leaseExpiresAt.getTime() <= this.deps.clock.now().getTime()) {
        // The handler gave up on a lapsed lease: the message is someone else's now; an ack would be refused.
        logger.warn('handler returned after its lease was lost; not acking (the message will be delivered again)', { messageId: delivery.messageId });
        return;
      }
      this.deps.autoAck(delivery);
    } catch (error) {
      if (control.settled) {
        logger.warn('handler failed after settling its delivery', { messageId: delivery.messageId, error });
      } else if (error instanceof PermanentError) {
        this.track(control.reject(error.message), delivery, 'reject');
      } else if (error instanceof RateLimitedError) {
        this.track(control.nack({ delayMs: error.retryAfterMs, countAttempt: false, reason: error.message }), delivery, 'nack');
      } else {
        const reason = error instanceof Error ? error.message : String(error);
        logger.debug('handler failed; nacking', { messageId: delivery.messageId, attempt: delivery.attempt, error });
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
        this.deps.logger.warn(message, { messageId: delivery.messageId, settle: kind, error });
      },
    );
    this.settlements.add(tracked);
    void tracked.finally(() => this.settlements.delete(tracked));
  }
}
