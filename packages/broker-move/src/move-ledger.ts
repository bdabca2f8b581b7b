import { ConflictError, type Sql, type SqlExecutor } from '@interflow/core';

/** The two brokers a move goes between. */
export type BrokerKind = 'postgres' | 'rabbitmq';

export interface MoveRecord {
  id: string;
  source: BrokerKind;
  target: BrokerKind;
  /** An unfinished move of the same direction was found and is continued. */
  resumed: boolean;
}

/**
 * The move ledger (`broker_moves`, `broker_move_messages`): which move is under way and,
 * per message, whether it is being sent or already stored on the target. A re-run after
 * a crash reads it to neither lose nor double a message.
 */

/**
 * The unfinished move to `target`, or a new one. Refuses (ConflictError) while a move the
 * other way is unfinished: it must be finished first, or the ledger would mix directions.
 */
export async function openMove(sql: Sql, source: BrokerKind, target: BrokerKind): Promise<MoveRecord> {
  const [unfinished] = await sql<{ id: string; source: BrokerKind; target: BrokerKind }[]>`
    select id::text as id, source, target from broker_moves where finished_at is null`;
  if (unfinished) {
    if (unfinished.target !== target) {
      throw new ConflictError(`a move to ${unfinished.target} (move ${unfinished.id}) is unfinished: run it again with --to ${unfinished.target} first`, { move: unfinished.id });
    }
    return { ...unfinished, resumed: true };
  }
  const [created] = await sql<{ id: string }[]>`insert into broker_moves (source, target) values (${source}, ${target}) returning id::text as id`;
  return { id: created!.id, source, target, resumed: false };
}

/** Written (and committed) before a batch is published on RabbitMQ: from here until `markMoved` the batch is in doubt. */
export async function recordSending(sql: SqlExecutor, moveId: string, queue: string, sourceIds: string[]): Promise<void> {
  if (sourceIds.length === 0) return;
  await sql`
    insert into broker_move_messages (move_id, source_id, queue, state)
    select ${moveId}::bigint, id, ${queue}, 'sending' from unnest(${sourceIds}::text[]) as t(id)
    on conflict do nothing`;
}

/** The target holds them: in the transaction that deletes them from the source. */
export async function markMoved(sql: SqlExecutor, moveId: string, sourceIds: string[]): Promise<void> {
  if (sourceIds.length === 0) return;
  await sql`update broker_move_messages set state = 'moved' where move_id = ${moveId} and source_id = any(${sourceIds}::text[])`;
}

/** Batches a crash left between publish and delete, per queue. Read-only. */
export async function inDoubt(sql: SqlExecutor, moveId: string): Promise<Map<string, string[]>> {
  const rows = await sql<{ queue: string; ids: string[] }[]>`
    select queue, array_agg(source_id order by source_id) as ids from broker_move_messages
    where move_id = ${moveId} and state = 'sending' group by queue order by queue`;
  return new Map(rows.map((row) => [row.queue, row.ids]));
}

/**
 * Records messages as moved, in the transaction that stores them on the target. Answers
 * the ids not recorded before: only those are stored; the others were stored by an
 * earlier run that crashed before it could ack them on the source.
 */
export async function recordMoved(sql: SqlExecutor, moveId: string, queue: string, sourceIds: string[]): Promise<Set<string>> {
  if (sourceIds.length === 0) return new Set();
  const rows = await sql<{ source_id: string }[]>`
    insert into broker_move_messages (move_id, source_id, queue, state)
    select ${moveId}::bigint, id, ${queue}, 'moved' from unnest(${sourceIds}::text[]) as t(id)
    on conflict do nothing
    returning source_id`;
  return new Set(rows.map((row) => row.source_id));
}

/** Messages of this move stored on the target so far. Read-only. */
export async function movedCount(sql: SqlExecutor, moveId: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from broker_move_messages where move_id = ${moveId} and state = 'moved'`;
  return row?.n ?? 0;
}

/** Marks the move finished with its count and drops its per-message rows (one transaction). */
export async function finishMove(sql: Sql, moveId: string): Promise<number> {
  return sql.begin(async (tx) => {
    const moved = await movedCount(tx, moveId);
    await tx`update broker_moves set finished_at = now(), moved = ${moved} where id = ${moveId}`;
    await tx`delete from broker_move_messages where move_id = ${moveId}`;
    return moved;
  });
}
