import type { Broker, Publication } from '@interflow/broker';
import type { Sql } from '@interflow/core';

/** The topology the move tests carry over: a topic exchange with an alternate, a headers exchange, a queue with a dead-letter queue. */
export async function declareMoveTopology(broker: Broker): Promise<void> {
  await broker.declareExchange({ name: 'unrouted', type: 'fanout' });
  await broker.declareExchange({ name: 'orders', type: 'topic', alternateExchange: 'unrouted' });
  await broker.declareExchange({ name: 'by-region', type: 'headers' });
  await broker.declareQueue({ name: 'billing.dead' });
  await broker.declareQueue({ name: 'billing', policy: { maxAttempts: 3, deadLetterQueue: 'billing.dead', ackDeadlineMs: 20_000, retryBackoff: { initialDelayMs: 500, multiplier: 3, maxDelayMs: 30_000, jitter: 0 } } });
  await broker.declareQueue({ name: 'shipping', policy: { maxAttempts: 7 } });
  await broker.declareQueue({ name: 'audit' });
  await broker.declareQueue({ name: 'leftovers' });
  await broker.bind({ exchange: 'orders', queue: 'billing', bindingKey: 'order.billed.*' });
  await broker.bind({ exchange: 'orders', queue: 'shipping', bindingKey: 'order.#' });
  await broker.bind({ exchange: 'unrouted', queue: 'leftovers' });
  await broker.bind({ exchange: 'by-region', queue: 'audit', headers: { region: 'eu' }, headersMatch: 'all' });
}

const HOUR = 3_600_000;
const QUEUES = ['billing', 'shipping', 'audit'];

/** Message `i` of the mix: priorities 1–5, headers, some with dedupe keys, reply-to, ack deadlines, expiry, delays. */
function publication(i: number, queue: string, delayMs: number | null): Publication {
  return {
    exchange: '',
    routingKey: queue,
    message: {
      payload: { n: i, text: `message ${i}`, nested: { even: i % 2 === 0 } },
      headers: { n: i, kind: delayMs === null ? 'ready' : 'delayed', region: i % 2 === 0 ? 'eu' : 'us' },
      priority: 1 + (i % 5),
      sender: `seed-${i % 4}`,
      ...(i % 3 === 0 ? { dedupeKey: `key-${i}` } : {}),
      ...(i % 7 === 0 ? { replyTo: 'replies', correlationId: `corr-${i}` } : {}),
      ...(i % 11 === 0 ? { ackDeadlineMs: 45_000 } : {}),
      ...(i % 13 === 0 ? { expiresAt: new Date(Date.now() + 24 * HOUR) } : {}),
      ...(delayMs === null ? {} : { delayMs }),
    },
  };
}

async function publishAll(broker: Broker, publications: Publication[]): Promise<void> {
  for (let start = 0; start < publications.length; start += 500) await broker.publishBatch(publications.slice(start, start + 500));
}

/** Claims everything ready in `queue` and settles it with `settle`, 200 at a time. */
async function settleAll(broker: Broker, queue: string, settle: (ref: { messageId: string; deliveryToken: string }) => Promise<void>): Promise<number> {
  let settled = 0;
  for (;;) {
    const deliveries = await broker.claim(queue, { max: 200 });
    if (deliveries.length === 0) return settled;
    await Promise.all(deliveries.map((delivery) => settle(delivery)));
    settled += deliveries.length;
  }
}

/**
 * `count` messages in mixed states, on the PostgreSQL broker: a fifth dead-lettered
 * (rejected, with death records), a tenth retried (an attempt spent, waiting out a
 * backoff), a fifth delayed, the rest ready, over several queues and priorities.
 */
export async function publishMixedMessages(broker: Broker, count: number): Promise<void> {
  const indexes = Array.from({ length: count }, (_, i) => i);
  const dead = indexes.filter((i) => i % 10 === 7 || i % 10 === 8);
  const retried = indexes.filter((i) => i % 10 === 9);
  await publishAll(broker, dead.map((i) => publication(i, 'billing', null)));
  await settleAll(broker, 'billing', (ref) => broker.reject(ref, 'refused by the test'));
  await publishAll(broker, retried.map((i) => publication(i, 'shipping', null)));
  await settleAll(broker, 'shipping', (ref) => broker.nack(ref, { delayMs: 2 * HOUR, reason: 'retry later' }));
  const rest = indexes.filter((i) => i % 10 < 7);
  await publishAll(broker, rest.map((i) => publication(i, QUEUES[i % 3]!, i % 10 >= 5 ? HOUR + i : null)));
}

export interface StoredMessage {
  id: string;
  queue: string;
  payload: unknown;
  headers: unknown;
  priority: number;
  /** The instant it becomes visible when delayed past `asOf`, else 'ready'. */
  delayedUntil: number | 'ready';
  expiresAt: number | null;
  ackDeadlineMs: number | null;
  replyTo: string | null;
  correlationId: string | null;
  dedupeKey: string | null;
  sender: string | null;
  publishedAt: number;
  attempts: number;
  deaths: unknown;
  deadFrom: string | null;
}

/** Every message the PostgreSQL broker stores, by id, as the tests compare them (times in ms, as both brokers keep them). */
export async function storedMessages(sql: Sql, asOf: number): Promise<StoredMessage[]> {
  const rows = await sql<
    {
      id: string; queue: string; payload: unknown; headers: unknown; priority: number; visible_at: Date; expires_at: Date | null; ack_deadline_ms: number | null;
      reply_to: string | null; correlation_id: string | null; dedupe_key: string | null; sender: string | null; published_at: Date; attempts: number; deaths: unknown; dead_from: string | null;
    }[]
  >`select id::text as id, queue, payload, headers, priority, visible_at, expires_at, ack_deadline_ms, reply_to, correlation_id, dedupe_key, sender,
      published_at, attempts, deaths, dead_from from mq_messages order by id`;
  return rows.map((row) => ({
    id: row.id,
    queue: row.queue,
    payload: row.payload,
    headers: row.headers,
    priority: row.priority,
    delayedUntil: row.visible_at.getTime() > asOf ? row.visible_at.getTime() : 'ready',
    expiresAt: row.expires_at?.getTime() ?? null,
    ackDeadlineMs: row.ack_deadline_ms,
    replyTo: row.reply_to,
    correlationId: row.correlation_id,
    dedupeKey: row.dedupe_key,
    sender: row.sender,
    publishedAt: row.published_at.getTime(),
    attempts: row.attempts,
    deaths: row.deaths,
    deadFrom: row.dead_from,
  }));
}
