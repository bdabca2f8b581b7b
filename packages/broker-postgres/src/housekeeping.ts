import { type Sql, type SqlExecutor } from '@interflow/core';
import type { HousekeepingCounts, HousekeepingOptions } from '@interflow/broker';
import { deadLetter } from './dead-letter-sql';

/**
 * The periodic chores of the queue, as plain functions the producer's housekeeping loop
 * calls (any number of producers may call them at once: every statement skips rows
 * another caller holds). Each handles at most `limit` messages per call and answers
 * how many it handled, so the loop can call again at once while there is more.
 */

export interface ChoreLimit {
  /** Messages handled per call (default 1000). */
  limit?: number;
}

/** Dead-letters (reason `expired`) messages past their expiry that nobody holds. */
export async function expireMessages(sql: SqlExecutor, options: ChoreLimit = {}): Promise<number> {
  const expired = await sql<{ id: string }[]>`
    select id from mq_messages
    where expires_at <= now() and lease_token is null
    order by expires_at limit ${options.limit ?? 1000}
    for update skip locked`;
  const moved = await deadLetter(sql, expired.map((row) => ({ id: row.id, token: null })), 'expired', 'message TTL elapsed before delivery');
  return moved.length;
}

/**
 * Lapsed leases (the consumer died or stalled): messages with attempts left go back to
 * their queue, visible at once and `recovered`; the others are dead-lettered (reason
 * `max_attempts`). A lease that lapsed before its delivery was handed to a handler gives
 * its attempt back, so it never exhausts a message (only a recorded hand-over does).
 * Claims also take lapsed messages directly, so this only matters for queues nobody
 * is claiming from right now and for poison messages that kill their consumer.
 */
export async function returnLapsedLeases(sql: SqlExecutor, options: ChoreLimit = {}): Promise<number> {
  const limit = options.limit ?? 1000;
  const exhausted = await sql<{ id: string; lease_token: string }[]>`
    select m.id, m.lease_token::text from mq_messages m join mq_queues q on q.name = m.queue
    where m.lease_token is not null and m.lease_expires_at <= now() and m.handed_over and m.attempts >= q.max_attempts
    limit ${limit}
    for update of m skip locked`;
  const dead = await deadLetter(
    sql,
    exhausted.map((row) => ({ id: row.id, token: row.lease_token })),
    'max_attempts',
    'lease expired on the last attempt',
    { leaseLapsed: true },
  );
  const returned = await sql`
    with lapsed as (
      select m.id from mq_messages m join mq_queues q on q.name = m.queue
      where m.lease_token is not null and m.lease_expires_at <= now()
        and (not m.handed_over or m.attempts < q.max_attempts)
      limit ${limit} for update of m skip locked
    )
    update mq_messages m set lease_token = null, lease_expires_at = null, consumer_id = null,
      attempts = m.attempts - (case when m.handed_over then 0 else 1 end), handed_over = true, recovered = true
    from lapsed where m.id = lapsed.id
    returning m.id`;
  return dead.length + returned.length;
}

export interface PruneOptions {
  /** Rate buckets older than this are deleted (default one day). */
  rateRetentionMs?: number;
  /** Consumers silent for longer than this are removed from the registry (default 10 minutes). */
  consumerSilenceMs?: number;
}

/**
 * Prunes what accumulates besides live messages: publish/ack rate buckets past their
 * retention and registry entries of consumers that stopped heartbeating (crashed).
 * Acked messages need no pruning: an ack deletes the row.
 */
export async function pruneHistory(sql: SqlExecutor, options: PruneOptions = {}): Promise<number> {
  const buckets = await sql`
    delete from mq_rate_buckets where bucket_start < now() - ${options.rateRetentionMs ?? 86_400_000}::bigint * interval '1 millisecond'`;
  const consumers = await sql`
    delete from mq_consumers where heartbeat_at < now() - ${options.consumerSilenceMs ?? 600_000}::bigint * interval '1 millisecond'`;
  return buckets.count + consumers.count;
}

/**
 * One round of every chore (the contract's `Broker.housekeep`), for a loop that calls it
 * every few seconds. Each chore handles at most `limit` rows; a count equal to the limit
 * means there is more to do right away.
 */
export async function housekeepOnce(sql: Sql, options: HousekeepingOptions): Promise<HousekeepingCounts> {
  const expired = await sql.begin((tx) => expireMessages(tx, options));
  const returnedLeases = await sql.begin((tx) => returnLapsedLeases(tx, options));
  const pruned = options.prune ? await pruneHistory(sql, options.prune) : 0;
  return { expired, returnedLeases, pruned };
}
