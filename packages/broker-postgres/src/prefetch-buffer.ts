import type { Delivery } from '@interflow/broker';

interface Held {
  delivery: Delivery;
  /** Local time (performance.now) the lease was last set, by the claim or a keep. */
  keptAt: number;
  /** How long the lease runs from a keep (as claimed). */
  leaseLengthMs: number;
}

/**
 * The deliveries a consumer claimed ahead of its handlers, in hand-over order, with
 * what it takes to keep their leases: each is due for a keep once a third of its lease
 * has passed, and one statement keeps all that are held (see `extendLeases`), so
 * waiting in the buffer never lets a lease lapse.
 */
export class PrefetchBuffer {
  private held: Held[] = [];

  get length(): number {
    return this.held.length;
  }

  push(deliveries: Delivery[], now: number, nowMs: number): void {
    for (const delivery of deliveries) {
      this.held.push({ delivery, keptAt: now, leaseLengthMs: Math.max(1, delivery.leaseExpiresAt.getTime() - nowMs) });
    }
  }

  head(): Delivery | undefined {
    return this.held[0]?.delivery;
  }

  shift(): Delivery | undefined {
    return this.held.shift()?.delivery;
  }

  takeAll(): Delivery[] {
    return this.held.splice(0).map((held) => held.delivery);
  }

  /** When the next keep is due (local time), or null with nothing held. */
  nextKeepAt(): number | null {
    let next: number | null = null;
    for (const held of this.held) {
      const due = held.keptAt + held.leaseLengthMs / 3;
      if (next === null || due < next) next = due;
    }
    return next;
  }

  /** Everything held: a keep extends all of them at once (one statement either way). */
  all(): Delivery[] {
    return this.held.map((held) => held.delivery);
  }

  /**
   * Applies a keep's answer: kept deliveries get their new deadline; the others lost
   * their lease (lapsed or stale) and are dropped. Answers the ids dropped.
   */
  kept(deadlines: Map<string, Date>, sentAt: number, asked: Set<string>): string[] {
    const dropped: string[] = [];
    this.held = this.held.filter((held) => {
      if (!asked.has(held.delivery.messageId)) return true;
      const until = deadlines.get(held.delivery.messageId);
      if (!until) {
        dropped.push(held.delivery.messageId);
        return false;
      }
      held.delivery = { ...held.delivery, leaseExpiresAt: until };
      held.keptAt = sentAt;
      return true;
    });
    return dropped;
  }
}
