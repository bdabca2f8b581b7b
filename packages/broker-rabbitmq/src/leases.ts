import crypto from 'node:crypto';
import type amqp from 'amqplib';
import { StaleDeliveryError, type DeliveryRef } from '@interflow/broker';
import { ValidationError } from '@interflow/core';
import type { Envelope } from './envelope';

/** A delivery this process holds unacknowledged on one of its channels, under a lease. */
export interface HeldDelivery {
  token: string;
  envelope: Envelope;
  message: amqp.Message;
  channel: amqp.Channel;
  leaseExpiresAt: number;
  /** Told when the lease is lost (lapsed, or the channel closed): aborts the handler's signal. */
  onLeaseLost: ((error: StaleDeliveryError) => void) | null;
  /** The caller's transaction a settle waits for (its id), if one does: the lease does not lapse meanwhile. */
  awaitedTransaction: string | null;
  /** A settle is under way: the token is spent, but the message is still counted in flight until it lands. */
  settling: boolean;
}

/** How often held leases are checked for a lapse: a lease lapses at most this late. */
const LAPSE_CHECK_MS = 50;

/**
 * The leases of the deliveries this process holds, by delivery token. RabbitMQ knows
 * only "unacknowledged on channel n"; the lease (deadline, extension, the refusal of a
 * settle after it lapsed) is kept here. A lapse hands the delivery to `onLapse`, which
 * puts the message back as recovered; the token is stale from that moment. A settle is
 * only possible in the process that holds the delivery.
 */
export class Leases {
  private readonly held = new Map<string, HeldDelivery>();
  /** One periodic check instead of a timer per delivery (a drain holds thousands a second), running while anything is held. */
  private checker: NodeJS.Timeout | null = null;

  constructor(private readonly onLapse: (held: HeldDelivery) => void) {}

  hold(parts: { envelope: Envelope; message: amqp.Message; channel: amqp.Channel }, leaseMs: number): HeldDelivery {
    // Spelled out: a spread followed by new keys costs V8 some tens of microseconds, once per delivery.
    const held: HeldDelivery = {
      envelope: parts.envelope,
      message: parts.message,
      channel: parts.channel,
      token: crypto.randomUUID(),
      leaseExpiresAt: Date.now() + leaseMs,
      onLeaseLost: null,
      awaitedTransaction: null,
      settling: false,
    };
    this.held.set(held.token, held);
    this.startChecking();
    return held;
  }

  /** The delivery, still held (for a settle that waits for a commit); throws StaleDeliveryError when its lease is gone. */
  get(ref: DeliveryRef): HeldDelivery {
    const held = typeof ref?.deliveryToken === 'string' ? this.held.get(ref.deliveryToken) : undefined;
    if (!held || held.settling || held.envelope.meta.id !== ref.messageId) throw new StaleDeliveryError(String(ref?.messageId));
    if (held.awaitedTransaction === null && held.leaseExpiresAt <= Date.now()) {
      this.lapse(held);
      throw new StaleDeliveryError(ref.messageId);
    }
    return held;
  }

  /**
   * Starts a settle: a second settle with the same token is stale from now on, and the
   * lease no longer lapses. The caller calls `release` once the settle landed.
   */
  take(ref: DeliveryRef): HeldDelivery {
    const held = this.get(ref);
    this.startSettling(held);
    return held;
  }

  startSettling(held: HeldDelivery): void {
    held.settling = true;
  }

  extend(ref: DeliveryRef, ms: number): Date {
    if (!Number.isInteger(ms) || ms < 1) throw new ValidationError('ms must be a positive integer', [{ field: 'ms', message: 'must be a positive integer' }]);
    const held = this.get(ref);
    held.leaseExpiresAt = Date.now() + ms;
    return new Date(held.leaseExpiresAt);
  }

  /** Waiting for transaction `xid` to commit: no lapse until `resume` for the same transaction. */
  suspend(held: HeldDelivery, xid: string): void {
    held.awaitedTransaction = xid;
  }

  /** Transaction `xid` did not commit: the lease runs again, unless a later settle waits for another transaction by now. */
  resume(held: HeldDelivery, xid: string): void {
    if (held.awaitedTransaction === xid) held.awaitedTransaction = null;
  }

  release(held: HeldDelivery): void {
    this.held.delete(held.token);
  }

  /** The channel closed: RabbitMQ has put its deliveries back; their leases are lost. */
  dropChannel(channel: amqp.Channel): HeldDelivery[] {
    const dropped = [...this.held.values()].filter((held) => held.channel === channel);
    for (const held of dropped) {
      this.release(held);
      held.onLeaseLost?.(new StaleDeliveryError(held.envelope.meta.id));
    }
    return dropped;
  }

  countFor(queue: string): number {
    let count = 0;
    for (const held of this.held.values()) if (held.envelope.queue === queue) count++;
    return count;
  }

  all(): HeldDelivery[] {
    return [...this.held.values()];
  }

  close(): void {
    if (this.checker) clearInterval(this.checker);
    this.checker = null;
  }

  private startChecking(): void {
    if (this.checker) return;
    this.checker = setInterval(() => this.checkLapses(), LAPSE_CHECK_MS);
    this.checker.unref();
  }

  private checkLapses(): void {
    if (this.held.size === 0) {
      this.close();
      return;
    }
    const now = Date.now();
    for (const held of this.held.values()) if (held.leaseExpiresAt <= now) this.lapse(held);
  }

  private lapse(held: HeldDelivery): void {
    if (!this.held.has(held.token) || held.awaitedTransaction !== null || held.settling) return;
    this.release(held);
    held.onLeaseLost?.(new StaleDeliveryError(held.envelope.meta.id));
    this.onLapse(held);
  }
}
