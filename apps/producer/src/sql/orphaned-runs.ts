import { type Sql } from '@interflow/core';

export interface OrphanedRun {
  id: string;
  reason: string;
}

const UNFINISHED = ['queued', 'running', 'retrying'];

/**
 * Ends, as failed with the reason, the unfinished runs (queued, running, retrying)
 * whose message is gone from every queue: acked, purged or dropped (no row), or
 * dead-lettered (the row sits in a dead-letter queue). Nothing can end such a run any
 * more. One statement over the next `limit` unfinished runs after `afterSeq` (a cursor
 * the caller cycles through, so a backlog of queued runs is checked a slice per round);
 * the runs' open attempts are closed as well. The update re-checks each run's status
 * under its row lock, so a run the runner ends meanwhile keeps its own outcome; the
 * runner ends a run in the same transaction as it settles the message, so a run is
 * never seen here between the two. Runs without a recorded message id (from before the
 * api recorded it) are not checked. Answers the runs ended and the last seq looked at
 * (null when the slice was the last one).
 */
export async function endOrphanedRuns(sql: Sql, afterSeq: string, limit: number): Promise<{ ended: OrphanedRun[]; lastSeq: string | null }> {
  const rows = await sql<{ id: string | null; reason: string | null; last_seq: string | null }[]>`
    with slice as (
      select r.id, r.seq, r.message_id from runs r
      where r.status = any(${UNFINISHED}) and r.seq > ${afterSeq}::bigint
      order by r.seq limit ${limit}
    ),
    located as (
      select s.id, m.id as live_id, m.dead_from, m.deaths -> -1 as death
      from slice s
      left join mq_messages m on m.id = (case when s.message_id ~ '^[0-9]{1,18}$' then s.message_id::bigint end)
      where s.message_id is not null
    ),
    orphans as (
      select l.id,
        case when l.live_id is null
          then 'the run never ended and its message is gone from every queue (acked, purged or dropped)'
          else 'the run never ended and its message was dead-lettered'
            || coalesce(' (' || (l.death ->> 'reason') || coalesce(': ' || (l.death ->> 'detail'), '') || ')', '')
        end as reason
      from located l where l.live_id is null or l.dead_from is not null
    ),
    ended as (
      update runs r set status = 'failed', finished_at = now(),
        duration_ms = greatest(0, round(extract(epoch from (now() - coalesce(r.started_at, r.created_at))) * 1000))::int,
        error = to_jsonb(o.reason)
      from orphans o where r.id = o.id and r.status = any(${UNFINISHED})
      returning r.id, o.reason
    ),
    closed as (
      update run_attempts a set finished_at = now(), outcome = 'failed',
        duration_ms = greatest(0, round(extract(epoch from (now() - a.started_at)) * 1000))::int,
        error = to_jsonb('abandoned: ' || e.reason)
      from ended e where a.run_id = e.id and a.finished_at is null
    )
    select e.id::text, e.reason, null as last_seq from ended e
    union all
    select null, null, (select max(seq)::text from slice) where (select count(*) from slice) = ${limit}`;
  const ended = rows.filter((row) => row.id !== null).map((row) => ({ id: row.id as string, reason: row.reason as string }));
  const last = rows.find((row) => row.id === null);
  return { ended, lastSeq: last?.last_seq ?? null };
}
