import { type SqlExecutor } from '@interflow/core';

/**
 * Deletes up to `limit` fire keys recorded before `olderThanMs` ago. A key only guards a
 * fire that could be considered again; a schedule's next fire has moved past it in the
 * transaction that wrote it, so keys older than the misfire grace are history.
 */
export async function pruneFireKeys(sql: SqlExecutor, olderThanMs: number, limit: number): Promise<number> {
  const deleted = await sql`
    delete from schedule_fires where ctid = any(array(
      select ctid from schedule_fires
      where recorded_at < now() - ${olderThanMs}::bigint * interval '1 millisecond'
      limit ${limit}))`;
  return deleted.count;
}
