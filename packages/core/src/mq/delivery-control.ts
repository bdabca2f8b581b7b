import type { Delivery, DeliveryControl, NackOptions } from './broker';
import type { ConsumerBackend } from './consumer';

/**
 * The handler's hold on one delivery. The first settle wins; later ones are ignored by
 * the consumer (a handler that acks explicitly and then returns is acked once).
 */
export class DeliveryControlImpl implements DeliveryControl {
  settled = false;
  leaseExpiresAt: Date;
  private readonly controller = new AbortController();

  constructor(
    private readonly backend: ConsumerBackend,
    readonly delivery: Delivery,
  ) {
    this.leaseExpiresAt = delivery.leaseExpiresAt;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  abort(reason: Error): void {
    if (!this.controller.signal.aborted) this.controller.abort(reason);
  }

  ack(): Promise<void> {
    this.settled = true;
    return this.backend.ackOne(this.ref());
  }

  nack(options?: NackOptions): Promise<void> {
    this.settled = true;
    return this.backend.nack(this.ref(), options);
  }

  reject(reason: string): Promise<void> {
    this.settled = true;
    return this.backend.reject(this.ref(), reason);
  }

  async extendLease(ms: number): Promise<Date> {
    try {
      this.leaseExpiresAt = await this.backend.extendLease(this.ref(), ms);
      return this.leaseExpiresAt;
    } catch (error) {
      if (error instanceof Error) this.abort(error);
      throw error;
    }
  }

  private ref() {
    return { messageId: this.delivery.messageId, deliveryToken: this.delivery.deliveryToken };
  }
}
