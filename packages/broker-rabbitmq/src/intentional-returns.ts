import { type Sql } from '@interflow/core';

/**
 * RabbitMQ marks every message it puts back as redelivered, whether a consumer died
 * holding it or the broker returned it on purpose (a peek, a stopping consumer's
 * prefetched messages). A purposeful return is written down first, so the next
 * delivery can tell it from a lost lease, which counts an attempt.
 */
export async function markReturned(sql: Sql, messageIds: string[]): Promise<void> {
  if (messageIds.length === 0) return;
  await sql`insert into rabbitmq_returns (message_id) select * from unnest(${messageIds}::text[])`;
}

/** True (and the mark used up) when this redelivery was a purposeful return. */
export async function takeReturnMark(sql: Sql, messageId: string): Promise<boolean> {
  const rows = await sql`
    delete from rabbitmq_returns where ctid = (select ctid from rabbitmq_returns where message_id = ${messageId} limit 1) returning 1`;
  return rows.length > 0;
}
