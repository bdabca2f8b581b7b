import { type SqlExecutor } from '@interflow/core';
import { LOG_START, type EventPosition } from './event-position';

/** One row of the event log (written by triggers, see the Events migration). */
export interface LoggedEvent {
  position: EventPosition;
  kind: string;
  deploymentId: string | null;
  system: boolean;
  /** Set on notification events: the recipient whose inbox the event belongs to. */
  recipientId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

interface EventRow {
  tx: string;
  id: string;
  kind: string;
  deployment_id: string | null;
  system: boolean;
  recipient_id: string | null;
  data: Record<string, unknown>;
  created_at: Date;
}

function present(row: EventRow): LoggedEvent {
  return {
    position: { tx: BigInt(row.tx), id: BigInt(row.id) },
    kind: row.kind,
    deploymentId: row.deployment_id,
    system: row.system,
    recipientId: row.recipient_id,
    data: row.data,
    createdAt: row.created_at,
  };
}

/**
 * Up to `limit` events after `after` (and at most `upTo`), in log order, only from
 * transactions older than every transaction still in progress: a later read after the
 * last returned position can never meet an older row that committed meanwhile.
 */
export async function readEventsAfter(
  sql: SqlExecutor,
  after: EventPosition,
  options: { limit: number; upTo?: EventPosition },
): Promise<LoggedEvent[]> {
  const rows = await sql<EventRow[]>`
    select tx::text, id::text, kind, deployment_id, system, recipient_id, data, created_at from events
    where (tx, id) > (${after.tx.toString()}::xid8, ${after.id.toString()}::bigint)
      and tx < pg_snapshot_xmin(pg_current_snapshot())
      ${options.upTo ? sql`and (tx, id) <= (${options.upTo.tx.toString()}::xid8, ${options.upTo.id.toString()}::bigint)` : sql``}
    order by tx, id
    limit ${options.limit}`;
  return rows.map(present);
}

/** The position of the newest event a reader may take now (every later event sorts after it). */
export async function eventLogHead(sql: SqlExecutor): Promise<EventPosition> {
  const [row] = await sql<{ tx: string; id: string }[]>`
    select tx::text, id::text from events
    where tx < pg_snapshot_xmin(pg_current_snapshot())
    order by tx desc, id desc
    limit 1`;
  return row ? { tx: BigInt(row.tx), id: BigInt(row.id) } : LOG_START;
}

/** Whether the event at this position is still kept (false once pruned, or never given out). */
export async function eventIsKept(sql: SqlExecutor, position: EventPosition): Promise<boolean> {
  const rows = await sql`
    select 1 from events where (tx, id) = (${position.tx.toString()}::xid8, ${position.id.toString()}::bigint)`;
  return rows.length > 0;
}

/** Deletes up to `limit` events recorded before `olderThanMs` ago (the replay window). */
export async function pruneEvents(sql: SqlExecutor, olderThanMs: number, limit: number): Promise<number> {
  const deleted = await sql`
    delete from events where ctid = any(array(
      select ctid from events
      where created_at < now() - ${olderThanMs}::bigint * interval '1 millisecond'
      limit ${limit}))`;
  return deleted.count;
}
