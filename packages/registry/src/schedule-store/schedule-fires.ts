import { type SqlExecutor, type KeysetPage } from '@interflow/core';

/** One handled fire of a schedule: the exactly-once key, kept as history. */
export interface ScheduleFire {
  fireTime: Date;
  outcome: 'published' | 'skipped_overlap' | 'expired';
  recordedAt: Date;
}

/**
 * A schedule's fires, newest first, a page at a time; `before` (epoch milliseconds, from
 * the previous page's `next`) continues the list. Fires older than the key retention
 * have been pruned.
 */
export async function listScheduleFires(
  sql: SqlExecutor,
  scheduleId: string,
  request: { limit: number; before: string | null },
): Promise<KeysetPage<ScheduleFire>> {
  const before = request.before === null ? null : new Date(Number(request.before));
  const rows = await sql<{ fire_time: Date; outcome: ScheduleFire['outcome']; recorded_at: Date }[]>`
    select fire_time, outcome, recorded_at from schedule_fires
    where schedule_id = ${scheduleId} ${before ? sql`and fire_time < ${before}` : sql``}
    order by fire_time desc
    limit ${request.limit + 1}`;
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({ fireTime: row.fire_time, outcome: row.outcome, recordedAt: row.recorded_at })),
    next: rows.length > request.limit && last ? String(last.fire_time.getTime()) : null,
  };
}
