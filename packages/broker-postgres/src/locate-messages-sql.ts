import { type SqlExecutor } from '@interflow/core';
import type { DeathRecord, MessageWhereabouts } from '@interflow/broker';

/**
 * Where each of these messages is: waiting (ready, delayed or leased) or dead-lettered,
 * with its last death. An ack deletes the row, so a settled, purged or dropped message is
 * simply absent from the answer, as are ids that are not message ids at all. Read-only.
 */
export async function locateMessages(sql: SqlExecutor, messageIds: string[]): Promise<Map<string, MessageWhereabouts>> {
  const ids = messageIds.filter((id) => /^[0-9]{1,18}$/.test(id));
  if (ids.length === 0) return new Map();
  const rows = await sql<{ id: string; dead: boolean; death: DeathRecord | null }[]>`
    select id::text as id, dead_from is not null as dead, deaths -> -1 as death
    from mq_messages where id = any(${ids}::bigint[])`;
  return new Map(rows.map((row) => [row.id, row.dead ? { state: 'dead', death: row.death ?? null } : { state: 'waiting' }]));
}
