import type { DeathRecord, TransactionSql } from '@interflow/broker';
import type { Sql } from '@interflow/core';
import type { Envelope } from './envelope';

/**
 * The ledger of tracked messages (published within a transaction): RabbitMQ cannot say
 * whether a message is still somewhere, so the broker writes it down. Untracked
 * messages cost nothing and are answered as finished.
 */
export async function trackMessages(tx: TransactionSql, envelopes: Envelope[]): Promise<void> {
  if (envelopes.length === 0) return;
  await tx`
    insert into rabbitmq_tracked_messages (message_id, queue)
    select * from unnest(${envelopes.map((e) => e.meta.id)}::text[], ${envelopes.map((e) => e.queue)}::text[])
    on conflict do nothing`;
}

/** Acked: the message is finished. Runs in the acking transaction when there is one. */
export async function forgetTracked(sql: Sql | TransactionSql, messageId: string): Promise<void> {
  await sql`delete from rabbitmq_tracked_messages where message_id = ${messageId}`;
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

/** Purged or deleted with its queue. */
export async function forgetTrackedIn(sql: Sql, queue: string): Promise<void> {
  await sql`delete from rabbitmq_tracked_messages where queue = ${queue}`;
}

/** Which of these tracked messages are unfinished: ready, delayed or held, and not dead-lettered. */
export async function unsettledTracked(sql: Sql | TransactionSql, messageIds: string[]): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set();
  const rows = await sql<{ message_id: string }[]>`
    select message_id from rabbitmq_tracked_messages where message_id = any(${messageIds}::text[]) and dead_from is null`;
  return new Set(rows.map((row) => row.message_id));
}

/** Which of these tracked messages died, with their last death. */
export async function deadTracked(sql: Sql | TransactionSql, messageIds: string[]): Promise<Map<string, DeathRecord | null>> {
  if (messageIds.length === 0) return new Map();
  const rows = await sql<{ message_id: string; death: DeathRecord | null }[]>`
    select message_id, death from rabbitmq_tracked_messages where message_id = any(${messageIds}::text[]) and dead_from is not null`;
  return new Map(rows.map((row) => [row.message_id, row.death]));
}
