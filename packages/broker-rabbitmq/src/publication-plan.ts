import { UnroutableError, type Publication, type PublishReceipt } from '@interflow/broker';
import type { Envelope } from './envelope';
import type { MessageIds } from './message-ids';
import { checkPublication } from './publication-input';
import type { TopologySnapshot } from './topology-snapshot';

/** One copy of a publication, for one queue. */
export interface PlannedCopy {
  publication: number;
  envelope: Envelope;
  visibleAt: number | null;
}

export interface PublicationPlan {
  copies: PlannedCopy[];
  /** Per publication: the queues it reached, in routing order. */
  queues: string[][];
}

/**
 * Checks and routes every publication before anything is sent (a bad field, a missing
 * exchange or an unroutable mandatory publication fails the whole batch and stores
 * nothing), and makes one envelope per queue reached, each with its own message id.
 */
export function planPublications(publications: Publication[], topology: TopologySnapshot, ids: MessageIds, now: number, prefixed: boolean): PublicationPlan {
  const checked = publications.map((publication, index) => checkPublication(publication, now, prefixed ? `[${index}].` : ''));
  const queues = checked.map((publication) => topology.route(publication.exchange, publication.routingKey, publication.headers));
  checked.forEach((publication, index) => {
    if (publication.mandatory && queues[index]!.length === 0) throw new UnroutableError(publication.exchange, publication.routingKey);
  });
  const copies: PlannedCopy[] = [];
  checked.forEach((publication, index) => {
    for (const queue of queues[index]!) {
      const ttl = topology.policyOf(queue)?.messageTtlMs ?? null;
      const expiries = [publication.expiresAt, ttl === null ? null : (publication.notBefore ?? now) + ttl].filter((value): value is number => value !== null);
      copies.push({
        publication: index,
        visibleAt: publication.notBefore,
        envelope: {
          queue,
          body: publication.body,
          priority: publication.priority,
          replyTo: publication.replyTo,
          correlationId: publication.correlationId,
          meta: {
            id: ids.next(),
            headers: publication.headers,
            attempts: 0,
            recovered: false,
            deaths: [],
            sender: publication.sender,
            publishedAt: now,
            expiresAt: expiries.length > 0 ? Math.min(...expiries) : null,
            notBefore: publication.notBefore,
            ackDeadlineMs: publication.ackDeadlineMs,
            dedupeKey: publication.dedupeKey,
            deadFrom: null,
          },
        },
      });
    }
  });
  return { copies, queues };
}

/** The receipts, given the id each copy ended with (its own, or the live duplicate's). */
export function receiptsOf(plan: PublicationPlan, idOf: (copy: PlannedCopy) => string): PublishReceipt[] {
  const ids: string[][] = plan.queues.map(() => []);
  for (const copy of plan.copies) ids[copy.publication]!.push(idOf(copy));
  return plan.queues.map((queues, index) => ({ messageIds: ids[index]!, queues }));
}

/** Same queue and key within one batch: later copies are duplicates of the first. */
export function dedupeWithinBatch(copies: PlannedCopy[]): { first: PlannedCopy[]; duplicateOf: Map<PlannedCopy, PlannedCopy> } {
  const firstByKey = new Map<string, PlannedCopy>();
  const duplicateOf = new Map<PlannedCopy, PlannedCopy>();
  const first: PlannedCopy[] = [];
  for (const copy of copies) {
    const key = copy.envelope.meta.dedupeKey;
    if (key === null) continue;
    const slot = `${copy.envelope.queue}\u0000${key}`;
    const earlier = firstByKey.get(slot);
    if (earlier) duplicateOf.set(copy, earlier);
    else {
      firstByKey.set(slot, copy);
      first.push(copy);
    }
  }
  return { first, duplicateOf };
}
