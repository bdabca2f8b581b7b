import { type DeliveryRef, StaleDeliveryError } from '@interflow/broker';
import type { MonotonicClock } from './monotonic-clock';

/** An ack waiting for the next statement, and whom to tell how it went. */
export interface PendingAck {
  ref: DeliveryRef;
  resolve(): void;
  reject(error: Error): void;
}

/** Acks per statement at most; the rest go with the next one. */
export const MAX_ACKS_PER_STATEMENT = 1000;

/**
 * The acks a consumer owes, in the order they came: they leave together with the next
 * statement (see `decideNextStatement` for when that is) and are answered one by one
 * from what the statement acked.
 */
export class AckBatch {
  private pending: PendingAck[] = [];
  private oldestQueuedAt = 0;

  constructor(private readonly monotonic: MonotonicClock) {}

  get size(): number {
    return this.pending.length;
  }

  /** When the oldest ack waiting was queued (monotonic); meaningful while `size` > 0. */
  get oldestAt(): number {
    return this.oldestQueuedAt;
  }

  add(ack: PendingAck): void {
    if (this.pending.length === 0) this.oldestQueuedAt = this.monotonic();
    this.pending.push(ack);
  }

  /** The acks for the next statement; those left over wait from now. */
  take(max = MAX_ACKS_PER_STATEMENT): PendingAck[] {
    const taken = this.pending.splice(0, max);
    if (this.pending.length > 0) this.oldestQueuedAt = this.monotonic();
    return taken;
  }

  /** Acks of a failed statement go first in the next one (their leases may still hold). */
  putBack(acks: PendingAck[]): void {
    this.pending.unshift(...acks);
  }
}

/** Answers each ack of a statement: acked, or refused because its lease was lost. */
export function answerAcks(acks: PendingAck[], ackedIds: Set<string>): void {
  for (const ack of acks) {
    if (ackedIds.has(ack.ref.messageId)) ack.resolve();
    else ack.reject(new StaleDeliveryError(ack.ref.messageId));
  }
}
