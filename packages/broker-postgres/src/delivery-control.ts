import {
  type Delivery,
  type DeliveryControl,
  type DeliveryRef,
  type NackOptions,
  StaleDeliveryError,
  type TransactionSql,
} from '@interflow/broker';
import { inSettleSpan } from './consume-tracing';

/** How a control settles: the consume loop's batched acks, the broker for the rest. */
export interface Settler {
  ack(ref: DeliveryRef): Promise<void>;
  nack(ref: DeliveryRef, options?: NackOptions): Promise<void>;
  reject(ref: DeliveryRef, reason: string): Promise<void>;
  ackWithin(tx: TransactionSql, ref: DeliveryRef): Promise<void>;
  nackWithin(tx: TransactionSql, ref: DeliveryRef, options?: NackOptions): Promise<void>;
  rejectWithin(tx: TransactionSql, ref: DeliveryRef, reason: string): Promise<void>;
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
    return inSettleSpan('ack', this.delivery.queue, () => this.backend.ack(this.ref()));
  }

  nack(options?: NackOptions): Promise<void> {
    this.settled = true;
    return inSettleSpan('nack', this.delivery.queue, () => this.backend.nack(this.ref(), options));
  }

  reject(reason: string): Promise<void> {
    this.settled = true;
    return inSettleSpan('reject', this.delivery.queue, () => this.backend.reject(this.ref(), reason));
  }

  ackWithin(tx: TransactionSql): Promise<void> {
    this.settled = true;
    return inSettleSpan('ack', this.delivery.queue, () => this.backend.ackWithin(tx, this.ref()));
  }

  nackWithin(tx: TransactionSql, options?: NackOptions): Promise<void> {
    this.settled = true;
    return inSettleSpan('nack', this.delivery.queue, () => this.backend.nackWithin(tx, this.ref(), options));
  }

  rejectWithin(tx: TransactionSql, reason: string): Promise<void> {
    this.settled = true;
    return inSettleSpan('reject', this.delivery.queue, () => this.backend.rejectWithin(tx, this.ref(), reason));
  }

  /** The lease was lost (an extension was refused, or it lapsed): nothing may be settled any more. */
  get leaseLost(): boolean {
    return this.controller?.signal.aborted === true && this.controller.signal.reason instanceof StaleDeliveryError;
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
