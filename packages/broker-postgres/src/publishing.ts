import { CoalescingBatcher, type BatchOutcome, type CoalescingBatcherOptions, type Sql } from '@interflow/core';
import type { PublishReceipt, PublicationRow, TransactionSql } from '@interflow/broker';
import { BULK_CHUNK_ROWS, insertDirectInChunks } from './chunked-insert';
import { qualifiesForDirectInsert } from './direct-publish-sql';
import { DirectDeliveryPlan, type DirectReceiver } from './local-delivery';
import { encodeGroup, type EncodedPublications } from './publication-encoding';
import { publishAndClaim, type PublishAndClaimAnswer } from './publish-and-claim-sql';
import { publishInTransaction, storePublications, type StoredBatch } from './publisher';
import type { RateCounter } from './rate-counter';
import type { WakeUp } from './wake-up';

/**
 * The broker's three ways to publish validated rows, and what follows each commit
 * (wake-ups, rate counts). Single publishes are group-committed, and claim for a local
 * consumer waiting on their queue (local-delivery.ts).
 */
export class Publishing {
  private readonly group: CoalescingBatcher<PublicationRow, PublishReceipt>;

  constructor(
    private readonly sql: Sql,
    private readonly wakeUp: WakeUp,
    private readonly rates: RateCounter,
    groupCommit: CoalescingBatcherOptions,
    /** Consumers of this process on a queue that may take single publishes directly (local-delivery.ts). */
    private readonly receiversOf: (queue: string) => Iterable<DirectReceiver> = () => [],
  ) {
    this.group = new CoalescingBatcher((rows) => this.storeGroup(rows), groupCommit);
  }

  /** Resolves after the commit of the statement it shared with concurrent publishes. */
  publish(row: PublicationRow): Promise<PublishReceipt> {
    return this.group.submit(row);
  }

  /**
   * All or none: one statement (a transaction when a bounded queue is involved), or for
   * more than `BULK_CHUNK_ROWS` direct rows one transaction of pipelined chunks.
   */
  async publishBatch(rows: PublicationRow[]): Promise<PublishReceipt[]> {
    if (rows.length === 0) return [];
    if (rows.length > BULK_CHUNK_ROWS && qualifiesForDirectInsert(rows)) {
      const ids = await insertDirectInChunks(this.sql, rows);
      if (ids) {
        const receipts = rows.map((row, index) => ({ messageIds: [ids[index] ?? ''], queues: [row.routing_key] }));
        this.afterCommit(receipts);
        return receipts;
      }
    }
    const stored = await storePublications(this.sql, rows, false);
    if (stored.needsBoundedPath) return this.publishBounded(rows);
    const failure = stored.results.find((result) => 'error' in result && !result.retryable);
    if (failure && 'error' in failure) throw failure.error;
    const receipts = stored.results.map((result) => {
      if ('error' in result) throw result.error;
      return result.receipt;
    });
    this.afterCommit(receipts);
    return receipts;
  }

  /**
   * Inside the caller's transaction. The wake-up is a NOTIFY PostgreSQL delivers at its
   * commit, or (`wake` 'caller') the caller's `announceCommitted` after it.
   */
  async publishWithin(tx: TransactionSql, rows: PublicationRow[], wake: 'commit' | 'caller'): Promise<PublishReceipt[]> {
    if (rows.length === 0) return [];
    const { receipts, queues: touched } = await publishInTransaction(tx, rows);
    if (wake === 'commit') await this.wakeUp.notifyWithin(tx, [...touched]);
    for (const receipt of receipts) receipt.queues.forEach((queue) => this.rates.countPublished(queue));
    return receipts;
  }

  /** After the caller committed what publishWithin (`wake` 'caller') wrote: counted already, only announced. */
  announceCommitted(receipts: PublishReceipt[]): void {
    const touched = new Set(receipts.flatMap((receipt) => receipt.queues));
    if (touched.size > 0) this.wakeUp.announce(touched);
  }

  /** Resolves when no single publish is waiting or in flight. */
  drain(): Promise<void> {
    return this.group.drain();
  }

  private async publishBounded(rows: PublicationRow[]): Promise<PublishReceipt[]> {
    const { receipts, queues: touched } = await this.sql.begin((tx) => publishInTransaction(tx, rows));
    this.afterCommit(receipts, touched);
    return receipts;
  }

  private async storeGroup(group: PublicationRow[]): Promise<BatchOutcome<PublishReceipt>[]> {
    const { rows, encoded, failed } = encodeGroup(group);
    const outcomes: BatchOutcome<PublishReceipt>[] = group.map((_, index) => {
      const error = failed.get(index);
      return error ? { error } : { retry: true };
    });
    const keptIndexes = group.map((_, index) => index).filter((index) => !failed.has(index));
    if (rows.length === 0) return outcomes;
    const direct = qualifiesForDirectInsert(rows) ? DirectDeliveryPlan.make(rows, this.receiversOf) : null;
    const claimed = direct ? await this.publishAndClaim(rows, encoded, direct) : null;
    const stored = claimed?.stored ?? (await storePublications(this.sql, rows, false, encoded, direct !== null));
    if (stored.needsBoundedPath) {
      // Rare: some publication routes into a queue with a max length. Each goes alone in
      // its own transaction, so one full queue refuses only its own publisher.
      await Promise.all(
        rows.map(async (row, position) => {
          const index = keptIndexes[position] ?? -1;
          try {
            const [receipt] = await this.publishBounded([{ ...row, ord: 0 }]);
            outcomes[index] = receipt ? { value: receipt } : { error: new Error('no receipt') };
          } catch (error) {
            outcomes[index] = { error };
          }
        }),
      );
      return outcomes;
    }
    const receipts = stored.results.flatMap((result) => ('receipt' in result ? [result.receipt] : []));
    this.afterCommit(receipts, [], claimed?.delivered);
    stored.results.forEach((result, position) => {
      const index = keptIndexes[position] ?? -1;
      outcomes[index] = 'receipt' in result ? { value: result.receipt } : result.retryable ? { retry: true } : { error: result.error };
    });
    return outcomes;
  }

  /**
   * The group's direct insert, claiming for a local consumer (publish-and-claim-sql.ts);
   * its deliveries are handed over once the publishers are answered and the next batch
   * left. `stored` is null when the batch must take the general path (a routing key
   * naming no queue, or a bounded one): nothing was inserted. `delivered` names the
   * consumer's queue when every new row for it went to the consumer: nobody needs waking.
   */
  private async publishAndClaim(
    rows: PublicationRow[],
    encoded: EncodedPublications,
    direct: DirectDeliveryPlan,
  ): Promise<{ stored: StoredBatch | null; delivered: Set<string> }> {
    let answer: PublishAndClaimAnswer;
    try {
      answer = await publishAndClaim(this.sql, encoded, rows.length, direct.claim, direct.tokens);
    } catch (error) {
      direct.giveBack();
      throw error;
    }
    this.group.afterTurn(() => direct.deliver(answer.deliveries));
    const inserted = answer.stored;
    if (!inserted) return { stored: null, delivered: new Set() };
    const results = rows.map((row, index) => ({ receipt: { messageIds: [inserted.ids[index] ?? ''], queues: [row.routing_key] } }));
    const allLeased = rows.every((row, index) => row.routing_key !== direct.queue || inserted.leased[index] === true);
    return { stored: { results, needsBoundedPath: false }, delivered: allLeased ? new Set([direct.queue]) : new Set() };
  }

  /** Counts the publishes and wakes whoever may wait for them, except on queues whose every new message was delivered directly. */
  private afterCommit(receipts: PublishReceipt[], extraQueues: Iterable<string> = [], delivered: Set<string> = new Set()): void {
    const touched = new Set(extraQueues);
    for (const receipt of receipts) {
      for (const queue of receipt.queues) {
        if (!delivered.has(queue)) touched.add(queue);
        this.rates.countPublished(queue);
      }
    }
    if (touched.size > 0) this.wakeUp.announce(touched);
  }
}
