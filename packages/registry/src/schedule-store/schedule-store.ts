import type postgres from 'postgres';
import {
  type Sql,
  type SqlExecutor,
  ConflictError,
  NotFoundError,
  keysetPage,
  type KeysetPage,
  type KeysetRequest,
} from '@interflow/core';
import type { Principal } from '../access/principal';
import { deploymentVisibleSql } from '../integrations/access-rules';
import { assertIfMatch } from '../integrations/etag';
import { fireAtOrAfter } from '../schedule/next-fire-times';
import type { Schedule, ScheduleSpec } from './schedule';
import { scheduleEtag, scheduleFromRow, scheduleTiming, specColumns, type ScheduleRow } from './schedule-rows';
import { notifyScheduleChanged } from './schedule-changes';

/**
 * Management of schedules (the api's CRUD). Every change computes `next_fire_at` from
 * the api's clock and notifies producers in the same transaction. Producers maintain
 * `next_fire_at`, `last_fired_at` and the overlap state afterwards.
 */

const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === UNIQUE_VIOLATION;
}

function truncateToSecond(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000);
}

function rowValues(sql: SqlExecutor, spec: ScheduleSpec) {
  const columns = specColumns(spec);
  return {
    ...columns,
    headers: sql.json(columns.headers as postgres.JSONValue),
    payload: sql.json(columns.payload as postgres.JSONValue),
  };
}

export async function createSchedule(sql: Sql, spec: ScheduleSpec, now: Date): Promise<Schedule> {
  const anchorAt = spec.startAt ?? truncateToSecond(now);
  const nextFireAt = fireAtOrAfter(scheduleTiming(spec, anchorAt), now);
  try {
    return await sql.begin(async (tx) => {
      const values = { ...rowValues(tx, spec), anchor_at: anchorAt, next_fire_at: nextFireAt };
      const [row] = await tx<ScheduleRow[]>`insert into schedules ${tx(values)} returning *`;
      if (!row) throw new Error('insert returned no row');
      await notifyScheduleChanged(tx, row.id);
      return scheduleFromRow(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`a schedule named '${spec.name}' already exists`, { field: 'name' });
    throw error;
  }
}

export async function getSchedule(sql: Sql, id: string): Promise<Schedule> {
  const [row] = await sql<ScheduleRow[]>`select * from schedules where id = ${id}`;
  if (!row) throw new NotFoundError('schedule', id);
  return scheduleFromRow(row);
}

/**
 * Schedules in creation order, a page at a time (keyset on `seq`), those the principal
 * may see: an action's schedule when it may read the action's deployment; an exchange's
 * schedule (installation-wide topology), or one whose action is gone, when its token is
 * not limited to deployments. Filtered in the database, so pages stay full.
 */
export async function listSchedules(sql: Sql, request: KeysetRequest & { principal: Principal }): Promise<KeysetPage<Schedule>> {
  const unscoped = request.principal.deploymentScopes === null;
  const rows = await sql<ScheduleRow[]>`
    select s.* from schedules s
    where s.seq > ${request.after ?? '0'}
      and (
        (s.target_type = 'exchange' and ${unscoped})
        or exists (
          select 1 from actions a join deployments d on d.id = a.deployment_id
          where a.id = s.action_id and ${deploymentVisibleSql(sql, request.principal, 'd')})
        or (s.target_type = 'action' and ${unscoped} and not exists (select 1 from actions a where a.id = s.action_id))
      )
    order by s.seq
    limit ${request.limit + 1}`;
  return keysetPage(rows, request.limit, scheduleFromRow);
}

/**
 * Replaces a schedule's spec (the api merges a PATCH into the stored spec first). When
 * the timing changes or a paused schedule is resumed, the next fire is recomputed from
 * `now`: fires that fell into a pause are not made up. Pausing drops a buffered fire.
 */
export async function updateSchedule(sql: Sql, id: string, spec: ScheduleSpec, now: Date, ifMatch?: string): Promise<Schedule> {
  try {
    return await sql.begin(async (tx) => {
      const [currentRow] = await tx<ScheduleRow[]>`select * from schedules where id = ${id} for update`;
      if (!currentRow) throw new NotFoundError('schedule', id);
      assertIfMatch(ifMatch, scheduleEtag(currentRow.version));
      const current = scheduleFromRow(currentRow);
      const anchorAt = spec.startAt ?? (current.startAt ? truncateToSecond(now) : current.anchorAt);
      const before = JSON.stringify(scheduleTiming(current, current.anchorAt));
      const after = JSON.stringify(scheduleTiming(spec, anchorAt));
      const resumed = spec.enabled && !current.enabled;
      const nextFireAt = before !== after || resumed ? fireAtOrAfter(scheduleTiming(spec, anchorAt), now) : current.nextFireAt;
      const bufferedFireAt = spec.enabled && before === after ? current.bufferedFireAt : null;
      const values = {
        ...rowValues(tx, spec),
        anchor_at: anchorAt,
        next_fire_at: nextFireAt,
        buffered_fire_at: bufferedFireAt,
        updated_at: now,
        last_error: null,
        retry_at: null,
      };
      const [row] = await tx<ScheduleRow[]>`
        update schedules set ${tx(values)}, version = version + 1 where id = ${id} returning *`;
      if (!row) throw new NotFoundError('schedule', id);
      await notifyScheduleChanged(tx, id);
      return scheduleFromRow(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`a schedule named '${spec.name}' already exists`, { field: 'name' });
    throw error;
  }
}

/** Deletes a schedule and its fire keys; messages already published stay. */
export async function deleteSchedule(sql: Sql, id: string, ifMatch?: string): Promise<void> {
  await sql.begin(async (tx) => {
    const [current] = await tx<{ version: number }[]>`select version from schedules where id = ${id} for update`;
    if (!current) throw new NotFoundError('schedule', id);
    assertIfMatch(ifMatch, scheduleEtag(current.version));
    await tx`delete from schedules where id = ${id}`;
    await tx`delete from schedule_fires where schedule_id = ${id}`;
    await notifyScheduleChanged(tx, id);
  });
}

/**
 * "Fire now": the schedule's next fire becomes `now`, so a producer fires it at once
 * through the usual path (fire key, overlap policy, then the next fire after now from
 * the rule: the regular fires that follow are unchanged). A paused schedule is refused.
 */
export async function fireScheduleNow(sql: Sql, id: string, now: Date): Promise<Schedule> {
  return sql.begin(async (tx) => {
    const [current] = await tx<ScheduleRow[]>`select * from schedules where id = ${id} for update`;
    if (!current) throw new NotFoundError('schedule', id);
    if (!current.enabled) throw new ConflictError('the schedule is paused; resume it before firing it', { field: 'enabled' });
    const [row] = await tx<ScheduleRow[]>`
      update schedules set next_fire_at = least(coalesce(next_fire_at, ${now}), ${now}), retry_at = null
      where id = ${id} returning *`;
    if (!row) throw new NotFoundError('schedule', id);
    await notifyScheduleChanged(tx, id);
    return scheduleFromRow(row);
  });
}

/** How far the scheduler is behind: enabled schedules due before `now` and the oldest one's lateness. */
export async function schedulerLag(sql: SqlExecutor, now: Date): Promise<{ enabled: number; due: number; lagMs: number }> {
  const [row] = await sql<{ enabled: number; due: number; oldest: Date | null }[]>`
    select count(*)::int as enabled,
           count(*) filter (where next_fire_at <= ${now})::int as due,
           min(next_fire_at) filter (where next_fire_at <= ${now}) as oldest
    from schedules where enabled`;
  return { enabled: row?.enabled ?? 0, due: row?.due ?? 0, lagMs: row?.oldest ? Math.max(0, now.getTime() - row.oldest.getTime()) : 0 };
}
