import {
  StaleDeliveryError,
  type Delivery,
  type DeliveryControl,
  type DeliveryRef,
  type NackOptions,
  type TransactionSql,
} from '@interflow/broker';

/** How a control settles: the broker's settles by reference. */
export interface Settler {
  ack(ref: DeliveryRef): Promise<void>;
  nack(ref: DeliveryRef, options?: NackOptions): Promise<void>;
  reject(ref: DeliveryRef, reason: string): Promise<void>;
  ackWithin(tx: TransactionSql, ref: DeliveryRef): Promise<void>;
  nackWithin(tx: TransactionSql, ref: DeliveryRef, options?: NackOptions): Promise<void>;
  rejectWithin(tx: TransactionSql, ref: DeliveryRef, reason: string): Promise<void>;
  extendLease(ref: DeliveryRef, ms: number): Promise<Date>;
}

/** The handler's hold on one delivery; after an explicit settle the consumer settles nothing more. */
export class AmqpDeliveryControl implements DeliveryControl {
  settled = false;
  /** Made on first use: most handlers never look at the signal, and a drain makes thousands of controls a second. */
  private controller: AbortController | null = null;

  constructor(
    private readonly settler: Settler,
    readonly delivery: Delivery,
  ) {}

  get signal(): AbortSignal {
    this.controller ??= new AbortController();
    return this.controller.signal;
  }

  get leaseLost(): boolean {
    return this.controller?.signal.aborted === true && this.controller.signal.reason instanceof StaleDeliveryError;
  }

  abort(reason: Error): void {
    this.controller ??= new AbortController();
    if (!this.controller.signal.aborted) this.controller.abort(reason);
  }

  ack(): Promise<void> {
    this.settled = true;
    return this.settler.ack(this.ref());
  }

  nack(options?: NackOptions): Promise<void> {
    this.settled = true;
    return this.settler.nack(this.ref(), options);
  }

  reject(reason: string): Promise<void> {
    this.settled = true;
    return this.settler.reject(this.ref(), reason);
  }

  ackWithin(tx: TransactionSql): Promise<void> {
    this.settled = true;
    return this.settler.ackWithin(tx, this.ref());
  }

  nackWithin(tx: TransactionSql, options?: NackOptions): Promise<void> {
    this.settled = true;
    return this.settler.nackWithin(tx, this.ref(), options);
  }

  rejectWithin(tx: TransactionSql, reason: string): Promise<void> {
    this.settled = true;
    return this.settler.rejectWithin(tx, this.ref(), reason);
  }

  async extendLease(ms: number): Promise<Date> {
    try {
      return await this.settler.extendLease(this.ref(), ms);
    } catch (error) {
      if (error instanceof Error) this.abort(error);
      throw error;
    }
  }

  private ref(): DeliveryRef {
    return { messageId: this.delivery.messageId, deliveryToken: this.delivery.deliveryToken };
  }
}
