import type { Broker, Publication, PublishReceipt, TransactionSql } from '@interflow/broker';
import { isDatabaseUnavailable, type Sql } from '@interflow/core';
import { sendQueuedRunInsert, type NewRun, type Run } from '@interflow/registry';

export interface QueuedRun {
  run: Run;
  /** For `broker.announceCommitted`, once the caller is past the commit. */
  receipts: PublishReceipt[];
}

/**
 * Writes a queued run and the message that carries its request in ONE transaction (both
 * or neither), in two round trips where `sql.begin` takes four: `begin` goes out in the
 * same write as the publish, and `commit` in the same write as the run's insert (which
 * needs the message id the publish answers). A failed insert aborts the transaction, so
 * the `commit` behind it answers ROLLBACK. Null when another request's run took the
 * Idempotency-Key meanwhile (nothing was written).
 *
 * The transaction runs on a connection reserved from the pool and given back once it
 * ended; a connection that broke meanwhile is not given back (the pool replaces it).
 */
export async function writeQueuedRun(sql: Sql, broker: Broker, publication: Publication, run: NewRun): Promise<QueuedRun | null> {
  const tx = await sql.reserve();
  let connectionUsable = true;
  let inTransaction = true;
  const watched = <T>(statement: Promise<T>): Promise<T> =>
    statement.catch((error: unknown) => {
      if (isDatabaseUnavailable(error)) connectionUsable = false;
      throw error;
    });
  try {
    // A reserved connection runs tagged statements as a transaction's does; the broker needs nothing else of it.
    const within = tx as unknown as TransactionSql;
    const [, receipts] = await Promise.all([
      watched(tx`begin`.execute()),
      watched(broker.publishWithin(within, [publication], { wake: 'caller' })),
    ]);
    const inserted = watched(sendQueuedRunInsert(tx, { ...run, messageId: receipts[0]?.messageIds[0] ?? null }));
    const committed = watched(tx`commit`.execute());
    const [insert, end] = await Promise.allSettled([inserted, committed]);
    if (end.status === 'rejected') throw end.reason;
    inTransaction = false;
    if (insert.status === 'rejected') throw insert.reason;
    const rolledBack = end.value.command !== 'COMMIT';
    if (insert.value === null && rolledBack) return null;
    if (insert.value === null || rolledBack) throw new Error(`the run's transaction ended in ${end.value.command} after its insert answered ${insert.value ? 'a row' : 'none'}`);
    return { run: insert.value, receipts };
  } catch (error) {
    if (inTransaction && connectionUsable) await watched(tx`rollback`.execute()).catch(() => undefined);
    throw error;
  } finally {
    if (connectionUsable) tx.release();
  }
}
