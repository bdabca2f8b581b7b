import { type Sql } from '@interflow/core';
import type { PublishReceipt, PublicationRow, TransactionSql } from '@interflow/broker';
import { CoalescingBatcher, type BatchOutcome, type CoalescingBatcherOptions } from './coalescing-batcher';
import { encodeGroup } from './publication-encoding';
import { publishInTransaction, storePublications } from './publisher';
import type { RateCounter } from './rate-counter';
import type { WakeUp } from './wake-up';

/**
 * The broker's three ways to publish validated rows, and what follows each commit
 * (wake-ups, rate counts). Single publishes are group-committed.
 */
export class Publishing {
  private readonly group: CoalescingBatcher<PublicationRow, PublishReceipt>;

  constructor(
    private readonly sql: Sql,
    private readonly wakeUp: WakeUp,
    private readonly rates: RateCounter,
    groupCommit: CoalescingBatcherOptions,
  ) {
    this.group = new CoalescingBatcher((rows) => this.storeGroup(rows), groupCommit);
  }

  /** Resolves after the commit of the statement it shared with concurrent publishes. */
  publish(row: PublicationRow): Promise<PublishReceipt> {
    return this.group.submit(row);
  }

  /** All or none, one statement (a transaction when a bounded queue is involved). */
  async publishBatch(rows: PublicationRow[]): Promise<PublishReceipt[]> {
    if (rows.length === 0) return [];
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
    const stored = await storePublications(this.sql, rows, false, encoded);
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
            outcomes[index] = { error: error instanceof Error ? error : new Error(String(error)) };
          }
        }),
      );
      return outcomes;
    }
    const receipts = stored.results.flatMap((result) => ('receipt' in result ? [result.receipt] : []));
    this.afterCommit(receipts);
    stored.results.forEach((result, position) => {
      const index = keptIndexes[position] ?? -1;
      outcomes[index] = 'receipt' in result ? { value: result.receipt } : result.retryable ? { retry: true } : { error: result.error };
    });
    return outcomes;
  }

  private afterCommit(receipts: PublishReceipt[], extraQueues: Iterable<string> = []): void {
    const touched = new Set(extraQueues);
    for (const receipt of receipts) {
      for (const queue of receipt.queues) {
        touched.add(queue);
        this.rates.countPublished(queue);
      }
    }
    if (touched.size > 0) this.wakeUp.announce(touched);
  }
}
