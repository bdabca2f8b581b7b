import crypto from 'node:crypto';
import type { Delivery, PublicationRow } from '@interflow/broker';
import type { ClaimRequest } from './claim-sql';

/**
 * Direct delivery to a consumer of this process. When a consumer waits on a queue it
 * found empty, a group-commit publish statement to that queue also claims for it
 * (publish-and-claim-sql.ts): whatever became claimable meanwhile (a message another
 * process published, a delayed one that came due, a lapsed lease) and the new messages
 * themselves, inserted already leased to it. After the commit the deliveries go to its
 * prefetch buffer: no wake-up, no claim statement of its own, no claim update of each
 * new row. Nothing reaches a handler before the commit; a failed publish hands over
 * nothing and gives the room back.
 *
 * A consumer takes part only while (`directDeliveryRoom`) it runs, its last claim came
 * back short and no wake-up came since (it believes itself caught up), no claim of its
 * own is in flight (its deliveries come first), and it has room; the statement claims
 * up to all of that room. Only batches to the default exchange without dedupe keys take
 * this path; of their rows, those without a delay, not-before or absolute expiry to the
 * consumer's queue are offered a lease.
 */
export interface DirectDeliveryState {
  running: boolean;
  queueLooksEmpty: boolean;
  claimsInFlight: number;
  /** A statement failed and the consumer backs off (database restarting). */
  backingOff: boolean;
  /** Deliveries the consumer may still take (counting those promised to publishes in flight). */
  capacity: number;
}

export function directDeliveryRoom(state: DirectDeliveryState): number {
  if (!state.running || state.backingOff || !state.queueLooksEmpty || state.claimsInFlight > 0) return 0;
  return Math.max(0, state.capacity);
}

/** A consumer of this process that can take deliveries straight from a publish. */
export interface DirectReceiver {
  readonly id: string;
  readonly queue: string;
  /** The lease length the consumer claims with (null: the message's or the queue's ack deadline). */
  readonly leaseMs: number | null;
  /** Promises all its room to one publish statement; answers how much (0: not now). */
  reserveDirect(): number;
  /** After the statement: the deliveries it claimed (possibly none); the rest of the room is free again. */
  receiveDirect(reserved: number, deliveries: Delivery[]): void;
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
        const room = receiver.reserveDirect();
        if (room === 0) continue;
        const queue = row.routing_key;
        const tokens = rows.map((candidate) => (candidate.routing_key === queue && visibleAtOnce(candidate) ? crypto.randomUUID() : null));
        if (!tokens.some((token) => token !== null)) {
          receiver.receiveDirect(room, []);
          break;
        }
        const claim: ClaimRequest = { queue, max: room, leaseMs: receiver.leaseMs, consumerId: receiver.id, handedOver: false };
        return new DirectDeliveryPlan(receiver, claim, tokens);
      }
    }
    return null;
  }

  get queue(): string {
    return this.claim.queue;
  }

  deliver(deliveries: Delivery[]): void {
    if (this.settled) return;
    this.settled = true;
    this.receiver.receiveDirect(this.claim.max, deliveries);
  }

  giveBack(): void {
    this.deliver([]);
  }
}

/** What a claim right after the commit would take as it is: visible at once, no absolute expiry. */
function visibleAtOnce(row: PublicationRow): boolean {
  return row.not_before === undefined && !row.delay_ms && row.expires_at === undefined;
}
