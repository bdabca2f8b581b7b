import type { Broker, Publication, PublishReceipt, TransactionSql } from '@interflow/broker';
import { isDatabaseUnavailable, type Sql } from '@interflow/core';
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
 * The transaction runs on a connection reserved from the pool and given back once it
 * ended; a connection that broke meanwhile is not given back (the pool replaces it).
 */
export async function writeQueuedRuns(sql: Sql, broker: Broker, writes: RunWrite[]): Promise<QueuedRunsOutcome> {
  const tx = await sql.reserve();
  let connectionUsable = true;
  let inTransaction = true;
  // postgres.js never settles the statements a reserved connection still queued (behind
  // one it sent first, to be described) when that connection breaks: every wait below
  // ends at the first statement that failed for it instead.
  let connectionBroke: (error: unknown) => void = () => undefined;
  const broken = new Promise<never>((_, reject) => (connectionBroke = reject));
  broken.catch(() => undefined);
  const watched = <T>(statement: Promise<T>): Promise<T> =>
    statement.catch((error: unknown) => {
      if (isDatabaseUnavailable(error)) {
        connectionUsable = false;
        connectionBroke(error);
      }
      throw error;
    });
  const unlessBroken = <T>(wait: Promise<T>): Promise<T> => Promise.race([wait, broken]);
  try {
    // A reserved connection runs tagged statements as a transaction's does; the broker needs nothing else of it.
    const within = tx as unknown as TransactionSql;
    const publications = writes.map((write) => write.publication);
    const [, receipts] = await unlessBroken(
      Promise.all([watched(tx`begin`.execute()), watched(broker.publishWithin(within, publications, { wake: 'caller' }))]),
    );
    const runs = writes.map((write, index) => ({ ...write.run, messageId: receipts[index]?.messageIds[0] ?? null }));
    const inserted = watched(sendQueuedRunsInsert(tx, runs));
    const committed = watched(tx`commit`.execute());
    const [insert, end] = await unlessBroken(Promise.allSettled([inserted, committed]));
    if (end.status === 'rejected') throw end.reason;
    inTransaction = false;
    if (end.value.command !== 'COMMIT') return { committed: false, insert };
    if (insert.status !== 'fulfilled' || insert.value === null) {
      throw new Error(`the runs' transaction committed after their insert answered ${insert.status === 'fulfilled' ? 'none' : 'an error'}`);
    }
    const queued = insert.value.map((run, index): QueuedRun => ({ run, receipts: receipts[index] ? [receipts[index]] : [] }));
    return { committed: true, queued };
  } catch (error) {
    if (inTransaction && connectionUsable) await watched(tx`rollback`.execute()).catch(() => undefined);
    throw error;
  } finally {
    if (connectionUsable) tx.release();
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
