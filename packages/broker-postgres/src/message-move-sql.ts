import { jsonParam, type SqlExecutor } from '@interflow/core';
import type { DeathRecord, MessageHeaders, PortableMessage } from '@interflow/broker';

/**
 * The PostgreSQL broker's half of the broker move (docs/broker-rabbitmq.md, "Moving
 * between the brokers"): waiting messages read out with everything they carry, deleted
 * once the target holds them, and messages from the other broker written in as they were.
 */

interface MovableRow {
  id: string;
  queue: string;
  payload: unknown;
  headers: MessageHeaders;
  priority: number;
  published_at: Date;
  visible_at: Date;
  expires_at: Date | null;
  ack_deadline_ms: number | null;
  reply_to: string | null;
  correlation_id: string | null;
  dedupe_key: string | null;
  sender: string | null;
  attempts: number;
  deaths: DeathRecord[];
  dead_from: string | null;
}

const MOVABLE_COLUMNS = `id::text as id, queue, payload, headers, priority, published_at, visible_at, expires_at, ack_deadline_ms,
  reply_to, correlation_id, dedupe_key, sender, attempts, deaths, dead_from`;

function toPortable(row: MovableRow, now: number): PortableMessage {
  return {
    id: row.id,
    queue: row.queue,
    payload: row.payload,
    headers: row.headers,
    priority: row.priority,
    publishedAt: row.published_at,
    notBefore: row.visible_at.getTime() > now ? row.visible_at : null,
    expiresAt: row.expires_at,
    ackDeadlineMs: row.ack_deadline_ms,
    replyTo: row.reply_to,
    correlationId: row.correlation_id,
    dedupeKey: row.dedupe_key,
    sender: row.sender,
    attempts: row.attempts,
    deaths: row.deaths,
    deadFrom: row.dead_from,
  };
}

/** Up to `limit` unleased messages of a queue (ready, delayed, dead alike) with ids above `afterId`, in id order. Read-only. */
export async function readMovableMessages(sql: SqlExecutor, queue: string, afterId: string, limit: number): Promise<PortableMessage[]> {
  const rows = await sql.unsafe<MovableRow[]>(
    `select ${MOVABLE_COLUMNS} from mq_messages where queue = $1 and id > $2 and lease_token is null order by mq_messages.id limit $3`,
    [queue, afterId, limit],
  );
  const now = Date.now();
  return rows.map((row) => toPortable(row, now));
}

/** These messages, if still stored and unleased (the ones a crashed move may not have sent). Read-only. */
export async function readMessagesById(sql: SqlExecutor, ids: string[]): Promise<PortableMessage[]> {
  if (ids.length === 0) return [];
  const rows = await sql.unsafe<MovableRow[]>(`select ${MOVABLE_COLUMNS} from mq_messages where id = any($1::bigint[]) and lease_token is null order by mq_messages.id`, [ids]);
  const now = Date.now();
  return rows.map((row) => toPortable(row, now));
}

/** Deletes these messages unless a consumer holds them; answers the ids deleted. */
export async function deleteMovedMessages(sql: SqlExecutor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await sql<{ id: string }[]>`delete from mq_messages where id = any(${ids}::bigint[]) and lease_token is null returning id::text as id`;
  return rows.map((row) => row.id);
}

/** Messages held by consumers now (leased, lapsed or not: housekeeping returns lapsed ones). Read-only. */
export async function leasedMessageCount(sql: SqlExecutor): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from mq_messages where lease_token is not null`;
  return row?.n ?? 0;
}

const MAX_BIGINT = 9_223_372_036_854_775_807n;

/** A decimal id that fits a bigint is kept; any other (a foreign AMQP publisher's) gets a new one. */
function keptId(id: string): string | null {
  return /^[0-9]{1,19}$/.test(id) && BigInt(id) <= MAX_BIGINT && BigInt(id) > 0n ? id : null;
}

/**
 * Stores messages moved in from the other broker, unleased, with their attempts, deaths,
 * delay and expiry. An id is kept unless a stored message has it; a dedupe key is kept
 * unless a stored message of the queue holds it (the message is stored without it).
 * One statement: all of them or none. Answers how many kept no dedupe key.
 */
export async function insertMovedMessages(sql: SqlExecutor, messages: PortableMessage[]): Promise<{ keysDropped: number }> {
  if (messages.length === 0) return { keysDropped: 0 };
  const rows = messages.map((m) => ({
    id: keptId(m.id),
    queue: m.queue,
    payload: m.payload,
    headers: m.headers,
    priority: m.priority,
    visible_at: (m.notBefore ?? null)?.toISOString() ?? null,
    expires_at: m.expiresAt?.toISOString() ?? null,
    ack_deadline_ms: m.ackDeadlineMs,
    reply_to: m.replyTo,
    correlation_id: m.correlationId,
    dedupe_key: m.dedupeKey,
    sender: m.sender,
    published_at: m.publishedAt.toISOString(),
    attempts: m.attempts,
    deaths: m.deaths,
    dead_from: m.deadFrom,
  }));
  const [result] = await sql<{ dropped: number }[]>`
    with incoming as (
      select * from jsonb_to_recordset(${jsonParam(sql, rows)}) as t(
        id bigint, queue text, payload jsonb, headers jsonb, priority smallint, visible_at timestamptz, expires_at timestamptz,
        ack_deadline_ms integer, reply_to text, correlation_id text, dedupe_key text, sender text, published_at timestamptz,
        attempts integer, deaths jsonb, dead_from text)
    ), placed as (
      select i.*,
        i.id is not null and not exists (select 1 from mq_messages m where m.id = i.id) as id_free,
        i.dedupe_key is not null and exists (select 1 from mq_messages m where m.queue = i.queue and m.dedupe_key = i.dedupe_key) as key_taken
      from incoming i
    ), inserted as (
      insert into mq_messages (id, queue, payload, headers, priority, visible_at, expires_at, ack_deadline_ms, reply_to,
        correlation_id, dedupe_key, sender, published_at, attempts, deaths, dead_from)
      select case when id_free then id else nextval('mq_message_ids') end, queue, payload, headers, priority, coalesce(visible_at, now()),
        expires_at, ack_deadline_ms, reply_to, correlation_id, case when key_taken then null else dedupe_key end, sender, published_at,
        attempts, deaths, dead_from
      from placed
      returning 1
    )
    select (select count(*) from placed where key_taken)::int as dropped, (select count(*) from inserted)::int as stored`;
  return { keysDropped: result?.dropped ?? 0 };
}
