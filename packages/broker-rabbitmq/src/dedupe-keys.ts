import { type Sql } from '@interflow/core';

export interface DedupeClaim {
  queue: string;
  key: string;
  messageId: string;
}

/**
 * Live dedupe keys, per queue, in PostgreSQL: RabbitMQ keeps no index of the messages
 * a queue holds. Claims the keys not yet live and answers, for each claim, the id of
 * the message already holding its key (null when this claim took the key).
 */
export async function claimDedupeKeys(sql: Sql, claims: DedupeClaim[]): Promise<(string | null)[]> {
  if (claims.length === 0) return [];
  const inserted = await sql<{ queue: string; dedupe_key: string }[]>`
    insert into rabbitmq_dedupe_keys (queue, dedupe_key, message_id)
    select * from unnest(${claims.map((c) => c.queue)}::text[], ${claims.map((c) => c.key)}::text[], ${claims.map((c) => c.messageId)}::text[])
    order by 1, 2
    on conflict (queue, dedupe_key) do nothing
    returning queue, dedupe_key`;
  const taken = new Set(inserted.map((row) => `${row.queue}\u0000${row.dedupe_key}`));
  const missing = claims.filter((claim) => !taken.has(`${claim.queue}\u0000${claim.key}`));
  const holders = new Map<string, string>();
  if (missing.length > 0) {
    const rows = await sql<{ queue: string; dedupe_key: string; message_id: string }[]>`
      select queue, dedupe_key, message_id from rabbitmq_dedupe_keys
      where (queue, dedupe_key) in (select * from unnest(${missing.map((c) => c.queue)}::text[], ${missing.map((c) => c.key)}::text[]))`;
    for (const row of rows) holders.set(`${row.queue}\u0000${row.dedupe_key}`, row.message_id);
  }
  return claims.map((claim) => (taken.has(`${claim.queue}\u0000${claim.key}`) ? null : (holders.get(`${claim.queue}\u0000${claim.key}`) ?? claim.messageId)));
}

/** Frees the keys of messages that left their queue (acked, dead-lettered, purged), if they still hold them. */
export async function releaseDedupeKeys(sql: Sql, claims: DedupeClaim[]): Promise<void> {
  if (claims.length === 0) return;
  await sql`
    delete from rabbitmq_dedupe_keys
    where (queue, dedupe_key, message_id) in (
      select * from unnest(${claims.map((c) => c.queue)}::text[], ${claims.map((c) => c.key)}::text[], ${claims.map((c) => c.messageId)}::text[]))`;
}
