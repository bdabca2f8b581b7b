import type { Delivery, DeliveryControl, DeliveryRef, NackOptions } from './broker';

/** How a control settles: the consume loop's batched acks, the broker for the rest. */
export interface Settler {
  ack(ref: DeliveryRef): Promise<void>;
  nack(ref: DeliveryRef, options?: NackOptions): Promise<void>;
  reject(ref: DeliveryRef, reason: string): Promise<void>;
  extendLease(ref: DeliveryRef, ms: number): Promise<Date>;
}

/**
 * The handler's hold on one delivery. After an explicit settle the consumer does not
 * settle again when the handler returns; a second explicit settle is refused as stale.
 */
export class DeliveryControlImpl implements DeliveryControl {
  settled = false;
  leaseExpiresAt: Date;
  /** Made on first use: most handlers never look at the signal, and draining creates thousands of controls a second. */
  private controller: AbortController | null = null;

  constructor(
    private readonly backend: Settler,
    readonly delivery: Delivery,
  ) {
    this.leaseExpiresAt = delivery.leaseExpiresAt;
  }

  get signal(): AbortSignal {
    this.controller ??= new AbortController();
    return this.controller.signal;
  }

  abort(reason: Error): void {
    this.controller ??= new AbortController();
    if (!this.controller.signal.aborted) this.controller.abort(reason);
  }

  ack(): Promise<void> {
    this.settled = true;
    return this.backend.ack(this.ref());
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
