import { type SqlExecutor } from '@interflow/core';
import type { DeathRecord, MessageWhereabouts } from '@interflow/broker';

const MAX_BIGINT = 9_223_372_036_854_775_807n;

/**
 * Where each of these messages is: waiting (ready, delayed or leased) or dead-lettered,
 * with its last death. An ack deletes the row, so a settled, purged or dropped message is
 * simply absent from the answer, as are ids that are not message ids at all. Read-only.
 */
export async function locateMessages(sql: SqlExecutor, messageIds: string[]): Promise<Map<string, MessageWhereabouts>> {
  // any bigint: ids moved in from the RabbitMQ broker keep theirs, up to 19 digits
  const ids = messageIds.filter((id) => /^[0-9]{1,19}$/.test(id) && BigInt(id) <= MAX_BIGINT);
  if (ids.length === 0) return new Map();
  const rows = await sql<{ id: string; dead: boolean; death: DeathRecord | null }[]>`
    select id::text as id, dead_from is not null as dead, deaths -> -1 as death
    from mq_messages where id = any(${ids}::bigint[])`;
  return new Map(rows.map((row) => [row.id, row.dead ? { state: 'dead', death: row.death ?? null } : { state: 'waiting' }]));
}
