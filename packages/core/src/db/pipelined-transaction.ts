import type postgres from 'postgres';
import type { Sql } from './sql-client';

/** A connection reserved from the pool, in a transaction for as long as the work runs. */
export type PipelinedTransactionSql = postgres.ReservedSql<Record<string, never>>;

/**
 * Runs `work` in one transaction on a connection reserved from the pool, with `begin`
 * sent in the same write as the work's first statements, where `sql.begin` waits a round
 * trip for `begin`'s answer before it starts the work (postgres.js 3.4). Commits once the
 * work resolved and `begin` answered, and answers the work's value; rolls back and
 * rethrows when either failed, so nothing commits in a transaction that did not begin.
 * The connection goes back to the pool either way.
 *
 * When the connection breaks, every statement on it fails, the ones postgres.js still
 * queued and any sent later included, and `release` leaves it to the pool to replace
 * (patches/postgres+3.4.9.patch; as published, queued ones never settled and later ones
 * threw from a timer): the work's waits, the rollback and the release all end.
 */
export async function inPipelinedTransaction<T>(sql: Sql, work: (tx: PipelinedTransactionSql) => Promise<T>): Promise<T> {
  const tx = await sql.reserve();
  try {
    const began = tx`begin`.execute();
    // Awaited below; when the work fails first, its rejection must not go unhandled.
    began.catch(() => undefined);
    let value: T;
    try {
      value = await work(tx);
      await began;
    } catch (error) {
      await tx`rollback`.execute().catch(() => undefined);
      throw error;
    }
    await tx`commit`.execute();
    return value;
  } finally {
    tx.release();
  }
}
