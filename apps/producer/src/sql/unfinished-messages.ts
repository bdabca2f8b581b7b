import type { Transaction } from './transaction';

/**
 * Which of these messages are unfinished: still in the PostgreSQL broker's message
 * table and not dead-lettered (ready, delayed, or leased to a consumer). An ack deletes
 * the row, so a finished message is simply absent. An action's run request is acked by
 * the runner only when the run ended (a retry keeps the message, delayed), so this also
 * answers "is the previous run unfinished?".
 */
export async function unfinishedMessageIds(tx: Transaction, messageIds: string[]): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set();
  const rows = await tx<{ id: string }[]>`
    select id::text as id from mq_messages
    where id = any(${messageIds}::bigint[]) and dead_from is null`;
  return new Set(rows.map((row) => row.id));
}
