import { QueueFullError, type Publication, type PublishReceipt, type TransactionSql } from '@interflow/broker';
import { type Sql } from '@interflow/core';
import { claimDedupeKeys, releaseDedupeKeys } from './dedupe-keys';
import { PublishNackedError, type EnvelopeSender } from './envelope-sender';
import type { MessageIdKind, MessageIds } from './message-ids';
import { trackMessages } from './tracked-messages';
import { writeOutbox } from './outbox';
import { dedupeWithinBatch, planPublications, receiptsOf, type PlannedCopy, type PublicationPlan } from './publication-plan';
import type { RateCounter } from './rate-counter';
import type { TopologyCache } from './topology-cache';
import type { TopologySnapshot } from './topology-snapshot';

/**
 * Publishing: plan (check, route, one envelope per queue), take dedupe keys, send with
 * confirms, answer receipts. `publishWithin` writes the envelopes to the outbox in the
 * caller's transaction instead; the relay sends them after the commit.
 */
export class Publishing {
  constructor(
    private readonly sql: Sql,
    private readonly topology: TopologyCache,
    /** Plain publishes' ids carry a mark, so locateMessages tells them from ids it never issued. */
    private readonly ids: Record<MessageIdKind, MessageIds>,
    private readonly sender: EnvelopeSender,
    private readonly rates: RateCounter,
  ) {}

  async publish(publications: Publication[], prefixed: boolean): Promise<PublishReceipt[]> {
    let topology = await this.topology.recent();
    if (!routesEverywhere(topology, publications)) topology = await this.topology.current();
    const plan = planPublications(publications, topology, this.ids.plain, Date.now(), prefixed);
    const { send, idOf, claimed } = await this.deduplicate(plan, (claims) => claimDedupeKeys(this.sql, claims));
    try {
      await this.sender.send(send.map((copy) => ({ envelope: copy.envelope, visibleAt: copy.visibleAt })));
    } catch (error) {
      await releaseDedupeKeys(this.sql, claimed).catch(() => undefined);
      if (error instanceof PublishNackedError) {
        const policy = topology.policyOf(error.queue);
        if (policy?.maxLength !== null && policy?.maxLength !== undefined && policy.overflow === 'reject_publish') throw new QueueFullError(error.queue, policy.maxLength);
      }
      throw error;
    }
    for (const copy of send) this.rates.countPublished(copy.envelope.queue);
    return receiptsOf(plan, idOf);
  }

  async publishWithin(tx: TransactionSql, publications: Publication[]): Promise<{ receipts: PublishReceipt[]; outboxIds: string[] }> {
    let topology = await this.topology.recent();
    if (!routesEverywhere(topology, publications)) topology = await this.topology.current();
    const plan = planPublications(publications, topology, this.ids.tracked, Date.now(), true);
    const { send, idOf } = await this.deduplicate(plan, (claims) => claimDedupeKeys(tx as unknown as Sql, claims));
    for (const copy of send) copy.envelope.meta.tracked = true;
    await trackMessages(tx, send.map((copy) => copy.envelope));
    const outboxIds = await writeOutbox(tx, send);
    return { receipts: receiptsOf(plan, idOf), outboxIds };
  }

  private async deduplicate(plan: PublicationPlan, claim: typeof claimDedupeKeys extends (sql: Sql, ...rest: infer R) => infer T ? (...args: R) => T : never) {
    const { first, duplicateOf } = dedupeWithinBatch(plan.copies);
    const claims = first.map((copy) => ({ queue: copy.envelope.queue, key: copy.envelope.meta.dedupeKey!, messageId: copy.envelope.meta.id }));
    const holders = await claim(claims);
    const liveId = new Map<PlannedCopy, string>();
    first.forEach((copy, index) => {
      const holder = holders[index];
      if (holder) liveId.set(copy, holder);
    });
    const idOf = (copy: PlannedCopy): string => {
      const original = duplicateOf.get(copy) ?? copy;
      return liveId.get(original) ?? original.envelope.meta.id;
    };
    const send = plan.copies.filter((copy) => !duplicateOf.has(copy) && !liveId.has(copy));
    const claimed = claims.filter((_, index) => !holders[index]);
    return { send, idOf, claimed };
  }
}

/** Every publication names a known exchange and reaches a queue (else the table is checked again before deciding). */
function routesEverywhere(topology: TopologySnapshot, publications: Publication[]): boolean {
  try {
    return publications.every((p) => topology.hasExchange(p.exchange) && topology.route(p.exchange, p.routingKey, p.message?.headers ?? {}).length > 0);
  } catch {
    return false;
  }
}
