import type { Broker, Publication, PublishReceipt, TransactionSql } from '@interflow/broker';
import type { Sql } from '@interflow/core';
import { sendQueuedRunsInsert, type NewRun, type Run } from '@interflow/registry';

export interface QueuedRun {
  run: Run;
  /** For `broker.announceCommitted`, once the caller is past the commit. */
  receipts: PublishReceipt[];
}

/** A queued run to write, with the publication of the message that carries its request. */
export interface RunWrite {
  publication: Publication;
  run: NewRun;
}

/**
 * How a transaction of queued runs ended: committed with every run, or rolled back by its
 * refused insert (which aborted it) with what the insert answered: null when an
 * Idempotency-Key was taken meanwhile, else its error.
 */
export type QueuedRunsOutcome = { committed: true; queued: QueuedRun[] } | { committed: false; insert: PromiseSettledResult<Run[] | null> };

/**
 * Writes queued runs and the messages that carry their requests in ONE transaction (all
 * or nothing), in two round trips and three statements whatever their number: `begin`
 * goes out in the same write as the publish of every message (one statement), and
 * `commit` in the same write as the insert of every run (one statement, which needs the
 * message ids the publish answers). A refused insert aborts the transaction, so the
 * `commit` behind it answers ROLLBACK. Throws when the publish fails (rolled back) or the
 * connection broke (the outcome unknown).
 *
 * Core's `inPipelinedTransaction` pipelines `begin` the same way but sends `commit` only
 * once the work resolved, a round trip later. As there, the connection is reserved from
 * the pool and given back either way, and when it breaks every statement on it fails,
 * the queued ones included (patches/postgres+3.4.9.patch, decisions 67 and 70), so no wait here
 * outlives the connection.
 */
export async function writeQueuedRuns(sql: Sql, broker: Broker, writes: RunWrite[]): Promise<QueuedRunsOutcome> {
  const tx = await sql.reserve();
  let inTransaction = true;
  try {
    // A reserved connection runs tagged statements as a transaction's does; the broker needs nothing else of it.
    const within = tx as unknown as TransactionSql;
    const publications = writes.map((write) => write.publication);
    const [, receipts] = await Promise.all([tx`begin`.execute(), broker.publishWithin(within, publications, { wake: 'caller' })]);
    const runs = writes.map((write, index) => ({ ...write.run, messageId: receipts[index]?.messageIds[0] ?? null }));
    const [insert, end] = await Promise.allSettled([sendQueuedRunsInsert(tx, runs), tx`commit`.execute()]);
    if (end.status === 'rejected') throw end.reason;
    inTransaction = false;
    if (end.value.command !== 'COMMIT') return { committed: false, insert };
    if (insert.status !== 'fulfilled' || insert.value === null) {
      throw new Error(`the runs' transaction committed after their insert answered ${insert.status === 'fulfilled' ? 'none' : 'an error'}`);
    }
    const queued = insert.value.map((run, index): QueuedRun => ({ run, receipts: receipts[index] ? [receipts[index]] : [] }));
    return { committed: true, queued };
  } catch (error) {
    if (inTransaction) await tx`rollback`.execute().catch(() => undefined);
    throw error;
  } finally {
    tx.release();
  }
}

/**
 * One queued run in a transaction of its own (`writeQueuedRuns` of one). Null when another
 * request's run took the Idempotency-Key meanwhile (nothing was written); an insert's
 * other refusal is thrown.
 */
export async function writeQueuedRun(sql: Sql, broker: Broker, publication: Publication, run: NewRun): Promise<QueuedRun | null> {
  const outcome = await writeQueuedRuns(sql, broker, [{ publication, run }]);
  if (outcome.committed) {
    const [queued] = outcome.queued;
    if (!queued) throw new Error('a committed write of one run answered no run');
    return queued;
  }
  const { insert } = outcome;
  if (insert.status === 'rejected') throw insert.reason;
  if (insert.value === null) return null;
  throw new Error(`the run's transaction ended in ROLLBACK after its insert answered the run`);
}
