import { type SqlExecutor } from '@interflow/core';
import { type ScheduleRow } from './schedule-rows';
import type { TransactionSql as Transaction } from '@interflow/broker';

/**
 * Locks up to `limit` enabled schedules whose next fire is due at `now`, oldest due
 * first, skipping rows another producer holds: producers share the due schedules
 * without a leader, and a schedule is fired by one producer at a time. A schedule whose
 * target failed waits for its `retry_at`. `onlyIds` narrows the claim (one-by-one mode).
 */
export async function claimDueSchedules(tx: Transaction, now: Date, limit: number, onlyIds: string[] | null): Promise<ScheduleRow[]> {
  return tx<ScheduleRow[]>`
    select * from schedules
    where enabled and next_fire_at <= ${now}
      and (retry_at is null or retry_at <= ${now})
      ${onlyIds ? tx`and id = any(${onlyIds}::uuid[])` : tx``}
    order by next_fire_at
    limit ${limit}
    for update skip locked`;
}

/**
 * Locks schedules holding a buffer_one fire that are not otherwise due (the due ones
 * come with `claimDueSchedules`): they are looked at on every pass, because the fire
 * waits for the previous one to finish, which no timestamp predicts.
 */
export async function claimBufferedSchedules(tx: Transaction, now: Date, limit: number, onlyIds: string[] | null): Promise<ScheduleRow[]> {
  return tx<ScheduleRow[]>`
    select * from schedules
    where enabled and buffered_fire_at is not null
      and (retry_at is null or retry_at <= ${now})
      and (next_fire_at is null or next_fire_at > ${now})
      ${onlyIds ? tx`and id = any(${onlyIds}::uuid[])` : tx``}
    limit ${limit}
    for update skip locked`;
}

/** Ids of due schedules, unlocked: the one-by-one mode claims each in its own transaction. */
export async function dueScheduleIds(tx: Transaction, now: Date, limit: number): Promise<string[]> {
  const rows = await tx<{ id: string }[]>`
    select id from schedules
    where enabled and (next_fire_at <= ${now} or buffered_fire_at is not null)
      and (retry_at is null or retry_at <= ${now})
    order by next_fire_at
    limit ${limit}`;
  return rows.map((row) => row.id);
}

/**
 * When the earliest enabled schedule is next due (null: none), for the loop's timer: an
 * index scan of the due index. Schedules parked after a failure are left to the idle
 * wake-up, as are buffered fires (reported by `anyBuffered`).
 */
export async function earliestDueAt(sql: SqlExecutor): Promise<{ nextFireAt: Date | null; anyBuffered: boolean }> {
  const [row] = await sql<{ next_fire_at: Date | null; any_buffered: boolean }[]>`
    select
      (select next_fire_at from schedules where enabled and next_fire_at is not null and retry_at is null
       order by next_fire_at limit 1) as next_fire_at,
      exists (select 1 from schedules where enabled and buffered_fire_at is not null) as any_buffered`;
  return { nextFireAt: row?.next_fire_at ?? null, anyBuffered: row?.any_buffered ?? false };
}
