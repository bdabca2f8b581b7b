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
  timer: NodeJS.Timeout | null;
  /** Told when the lease is lost (lapsed, or the channel closed): aborts the handler's signal. */
  onLeaseLost: ((error: StaleDeliveryError) => void) | null;
  /** A settle waits for the caller's transaction: the lease does not lapse meanwhile. */
  waitingForCommit: boolean;
  /** A settle is under way: the token is spent, but the message is still counted in flight until it lands. */
  settling: boolean;
}

/**
 * The leases of the deliveries this process holds, by delivery token. RabbitMQ knows
 * only "unacknowledged on channel n"; the lease (deadline, extension, the refusal of a
 * settle after it lapsed) is kept here. A lapse hands the delivery to `onLapse`, which
 * puts the message back as recovered; the token is stale from that moment. A settle is
 * only possible in the process that holds the delivery.
 */
export class Leases {
  private readonly held = new Map<string, HeldDelivery>();

  constructor(private readonly onLapse: (held: HeldDelivery) => void) {}

  hold(parts: { envelope: Envelope; message: amqp.Message; channel: amqp.Channel }, leaseMs: number): HeldDelivery {
    const held: HeldDelivery = {
      ...parts,
      token: crypto.randomUUID(),
      leaseExpiresAt: Date.now() + leaseMs,
      timer: null,
      onLeaseLost: null,
      waitingForCommit: false,
      settling: false,
    };
    this.held.set(held.token, held);
    this.arm(held);
    return held;
  }

  /** The delivery, still held (for a settle that waits for a commit); throws StaleDeliveryError when its lease is gone. */
  get(ref: DeliveryRef): HeldDelivery {
    const held = typeof ref?.deliveryToken === 'string' ? this.held.get(ref.deliveryToken) : undefined;
    if (!held || held.settling || held.envelope.meta.id !== ref.messageId) throw new StaleDeliveryError(String(ref?.messageId));
    if (!held.waitingForCommit && held.leaseExpiresAt <= Date.now()) {
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
    if (held.timer) clearTimeout(held.timer);
    held.timer = null;
  }

  extend(ref: DeliveryRef, ms: number): Date {
    if (!Number.isInteger(ms) || ms < 1) throw new ValidationError('ms must be a positive integer', [{ field: 'ms', message: 'must be a positive integer' }]);
    const held = this.get(ref);
    held.leaseExpiresAt = Date.now() + ms;
    this.arm(held);
    return new Date(held.leaseExpiresAt);
  }

  /** Waiting for a commit: no lapse until `resume`. */
  suspend(held: HeldDelivery): void {
    held.waitingForCommit = true;
    if (held.timer) clearTimeout(held.timer);
    held.timer = null;
  }

  resume(held: HeldDelivery): void {
    held.waitingForCommit = false;
    if (this.held.has(held.token)) this.arm(held);
  }

  release(held: HeldDelivery): void {
    if (held.timer) clearTimeout(held.timer);
    held.timer = null;
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

  private arm(held: HeldDelivery): void {
    if (held.timer) clearTimeout(held.timer);
    held.timer = setTimeout(() => this.lapse(held), Math.max(0, held.leaseExpiresAt - Date.now()));
    held.timer.unref();
  }

  private lapse(held: HeldDelivery): void {
    if (!this.held.has(held.token) || held.waitingForCommit || held.settling) return;
    this.release(held);
    held.onLeaseLost?.(new StaleDeliveryError(held.envelope.meta.id));
    this.onLapse(held);
  }
}
