import type { DeathRecord, MessageWhereabouts, TransactionSql } from '@interflow/broker';
import type { Sql } from '@interflow/core';
import type { Envelope } from './envelope';
import { isPlainPublishId } from './message-ids';

/**
 * The ledger of tracked messages (published within a transaction): RabbitMQ cannot say
 * whether a message is still somewhere, so the broker writes it down. Plain publishes
 * cost nothing: their ids carry a mark instead (message-ids.ts).
 */
export async function trackMessages(tx: TransactionSql, envelopes: Envelope[]): Promise<void> {
  if (envelopes.length === 0) return;
  await tx`
    insert into rabbitmq_tracked_messages (message_id, queue)
    select * from unnest(${envelopes.map((e) => e.meta.id)}::text[], ${envelopes.map((e) => e.queue)}::text[])
    on conflict do nothing`;
}

/** Acked: the message is finished (kept, marked settled, until pruned). Runs in the acking transaction when there is one. */
export async function forgetTracked(sql: Sql | TransactionSql, messageId: string): Promise<void> {
  await sql`update rabbitmq_tracked_messages set settled_at = now() where message_id = ${messageId} and settled_at is null`;
}

/** Dead-lettered into `deadLetterQueue` (or dropped, with none) with its death. */
export async function trackedDied(sql: Sql, messageId: string, deadLetterQueue: string | null, death: DeathRecord | undefined): Promise<void> {
  if (deadLetterQueue === null) {
    await forgetTracked(sql, messageId);
    return;
  }
  await sql`
    update rabbitmq_tracked_messages set queue = ${deadLetterQueue}, dead_from = queue, death = ${death ? sql.json(death as never) : null}
    where message_id = ${messageId}`;
}

/** Redriven: alive again, in `queue`. */
export async function trackedRevived(sql: Sql, messageId: string, queue: string): Promise<void> {
  await sql`update rabbitmq_tracked_messages set queue = ${queue}, dead_from = null, death = null where message_id = ${messageId}`;
}

/** Purged or deleted with its queue: gone. */
export async function forgetTrackedIn(sql: Sql, queue: string): Promise<void> {
  await sql`update rabbitmq_tracked_messages set settled_at = now() where queue = ${queue} and settled_at is null`;
}

/**
 * Where each message is: waiting, dead (with its last death), or absent. A plain
 * publish's id (it carries the mark, see message-ids.ts) is answered `waiting`: the
 * ledger never sees those, and a message this broker cannot see may well be in a queue.
 * Any other id the ledger does not hold was never published within a transaction here,
 * or was settled long enough ago to be pruned: absent.
 */
export async function locateTracked(sql: Sql, messageIds: string[]): Promise<Map<string, MessageWhereabouts>> {
  const located = new Map<string, MessageWhereabouts>(messageIds.filter(isPlainPublishId).map((id) => [id, { state: 'waiting' }]));
  const ledgerIds = messageIds.filter((id) => !isPlainPublishId(id));
  if (ledgerIds.length === 0) return located;
  const rows = await sql<{ message_id: string; dead_from: string | null; death: DeathRecord | null; settled: boolean }[]>`
    select message_id, dead_from, death, settled_at is not null as settled from rabbitmq_tracked_messages where message_id = any(${ledgerIds}::text[])`;
  for (const row of rows) {
    if (row.settled) continue;
    located.set(row.message_id, row.dead_from === null ? { state: 'waiting' } : { state: 'dead', death: row.death });
  }
  return located;
}

/** Drops settled rows older than an hour; answers how many. */
export async function pruneTracked(sql: Sql): Promise<number> {
  const rows = await sql`delete from rabbitmq_tracked_messages where settled_at < now() - interval '1 hour' returning 1`;
  return rows.length;
}

/** Which of these tracked messages are unfinished: ready, delayed or held, and not dead-lettered. */
export async function unsettledTracked(sql: Sql | TransactionSql, messageIds: string[]): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set();
  const rows = await sql<{ message_id: string }[]>`
    select message_id from rabbitmq_tracked_messages where message_id = any(${messageIds}::text[]) and dead_from is null and settled_at is null`;
  return new Set(rows.map((row) => row.message_id));
}

/** Which of these tracked messages died, with their last death. */
export async function deadTracked(sql: Sql | TransactionSql, messageIds: string[]): Promise<Map<string, DeathRecord | null>> {
  if (messageIds.length === 0) return new Map();
  const rows = await sql<{ message_id: string; death: DeathRecord | null }[]>`
    select message_id, death from rabbitmq_tracked_messages where message_id = any(${messageIds}::text[]) and dead_from is not null and settled_at is null`;
  return new Map(rows.map((row) => [row.message_id, row.death]));
}

/** Moved in from the other broker: tracked from here on (again, when it once left this broker), dead letters with their last death. */
export async function trackMovedIn(sql: Sql, envelopes: Envelope[]): Promise<void> {
  if (envelopes.length === 0) return;
  await sql`
    insert into rabbitmq_tracked_messages (message_id, queue, dead_from, death)
    select id, queue, dead_from, death from jsonb_to_recordset(${sql.json(
      envelopes.map((e) => ({ id: e.meta.id, queue: e.queue, dead_from: e.meta.deadFrom, death: e.meta.deaths.at(-1) ?? null })) as never,
    )}) as t(id text, queue text, dead_from text, death jsonb)
    on conflict (message_id) do update set queue = excluded.queue, dead_from = excluded.dead_from, death = excluded.death, settled_at = null`;
}

/** Moved out to the other broker: finished here. */
export async function settleTrackedMany(sql: Sql, messageIds: string[]): Promise<void> {
  if (messageIds.length === 0) return;
  await sql`update rabbitmq_tracked_messages set settled_at = now() where message_id = any(${messageIds}::text[]) and settled_at is null`;
}
