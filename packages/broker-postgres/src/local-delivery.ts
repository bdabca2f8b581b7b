import crypto from 'node:crypto';
import type { Delivery, PublicationRow } from '@interflow/broker';
import type { ClaimRequest } from './claim-sql';

/**
 * Direct delivery to a consumer of this process. When a consumer with room waits on a
 * queue without a backlog, a group-commit publish statement to that queue also claims for it
 * (publish-and-claim-sql.ts): whatever became claimable meanwhile (a message another
 * process published, a delayed one that came due, a lapsed lease) and the new messages
 * themselves, inserted already leased to it. After the commit the deliveries go to its
 * prefetch buffer: no wake-up, no claim statement of its own, no claim update of each
 * new row. Nothing reaches a handler before the commit; a failed publish hands over
 * nothing and gives the room back.
 *
 * A consumer takes part only while (`directDeliveryRoom`) it runs, its last claim came
 * back short (no backlog: a backlog it claims for itself, in bigger claims), no claim of
 * its own is in flight (its deliveries come first), and it has room; the statement
 * claims up to all of that room. A wake-up since its last claim does not keep it out:
 * the statement claims what woke it before the new rows, as the consumer's own claim
 * would have (requiring no wake-up since kept a consumer under a stream of publishes out
 * for good: each claim of its own overlapped a commit that woke it again). Only batches
 * to the default exchange without dedupe keys take this path; of their rows, those
 * without a delay, not-before or absolute expiry to the consumer's queue are offered a
 * lease.
 */
export interface DirectDeliveryState {
  running: boolean;
  /** The consumer's last claim came back full. */
  backlogSeen: boolean;
  claimsInFlight: number;
  /** A statement failed and the consumer backs off (database restarting). */
  backingOff: boolean;
  /** Deliveries the consumer may still take (counting those promised to publishes in flight). */
  capacity: number;
}

export function directDeliveryRoom(state: DirectDeliveryState): number {
  if (!state.running || state.backingOff || state.backlogSeen || state.claimsInFlight > 0) return 0;
  return Math.max(0, state.capacity);
}

/** A consumer of this process that can take deliveries straight from a publish. */
export interface DirectReceiver {
  readonly id: string;
  readonly queue: string;
  /** The lease length the consumer claims with (null: the message's or the queue's ack deadline). */
  readonly leaseMs: number | null;
  /** Promises all its room to one publish statement (room 0: not now). */
  reserveDirect(): DirectReservation;
  /**
   * After the statement: the deliveries it claimed (possibly none), or null when no claim
   * ran (the statement failed, or had no row to offer); the rest of the room is free again.
   */
  receiveDirect(reservation: DirectReservation, deliveries: Delivery[] | null): void;
}

/** Room a consumer promised to one publish statement. */
export interface DirectReservation {
  room: number;
  /** The consumer's wake-ups heard when it promised the room, handed back with the answer. */
  wakeUpsHeard: number;
}

/**
 * One group-commit batch's claim for a local consumer: made before the statement, then
 * exactly once either `deliver` (the statement ran: its deliveries) or `giveBack` (it
 * failed, or did not run).
 */
export class DirectDeliveryPlan {
  private settled = false;

  private constructor(
    private readonly receiver: DirectReceiver,
    private readonly reservation: DirectReservation,
    readonly claim: ClaimRequest,
    /** A fresh lease token for each row offered to the consumer, by row position. */
    readonly tokens: (string | null)[],
  ) {}

  /** Null when no queue of the batch has a consumer here with room. */
  static make(rows: readonly PublicationRow[], receiversOf: (queue: string) => Iterable<DirectReceiver>): DirectDeliveryPlan | null {
    const tried = new Set<string>();
    for (const row of rows) {
      if (tried.has(row.routing_key)) continue;
      tried.add(row.routing_key);
      for (const receiver of receiversOf(row.routing_key)) {
        const reservation = receiver.reserveDirect();
        if (reservation.room === 0) continue;
        const queue = row.routing_key;
        const tokens = rows.map((candidate) => (candidate.routing_key === queue && visibleAtOnce(candidate) ? crypto.randomUUID() : null));
        if (!tokens.some((token) => token !== null)) {
          receiver.receiveDirect(reservation, null);
          break;
        }
        const claim: ClaimRequest = { queue, max: reservation.room, leaseMs: receiver.leaseMs, consumerId: receiver.id, handedOver: false };
        return new DirectDeliveryPlan(receiver, reservation, claim, tokens);
      }
    }
    return null;
  }

  get queue(): string {
    return this.claim.queue;
  }

  deliver(deliveries: Delivery[]): void {
    this.settle(deliveries);
  }

  giveBack(): void {
    this.settle(null);
  }

  private settle(deliveries: Delivery[] | null): void {
    if (this.settled) return;
    this.settled = true;
    this.receiver.receiveDirect(this.reservation, deliveries);
  }
}

/** What a claim right after the commit would take as it is: visible at once, no absolute expiry. */
function visibleAtOnce(row: PublicationRow): boolean {
  return row.not_before === undefined && !row.delay_ms && row.expires_at === undefined;
}
