import type { HousekeepingCounts, HousekeepingOptions } from '@interflow/broker';
import type { Sql } from '@interflow/core';
import { pruneTracked } from './tracked-messages';

/**
 * RabbitMQ expires messages and this broker's lease checks return lapsed ones itself,
 * so there is nothing to expire or return here; pruning drops old rate buckets, silent
 * consumers' registrations and settled rows of the tracked-messages ledger.
 */
export async function housekeep(sql: Sql, options: HousekeepingOptions): Promise<HousekeepingCounts> {
  let pruned = 0;
  if (options.prune) {
    pruned += await pruneTracked(sql);
    pruned += await pruneRateBuckets(sql, options.prune.rateRetentionMs);
    pruned += await pruneSilentConsumers(sql, options.prune.consumerSilenceMs);
  }
  return { expired: 0, returnedLeases: 0, pruned };
}

/** Deletes rate buckets older than the retention; answers how many. */
async function pruneRateBuckets(sql: Sql, retentionMs: number): Promise<number> {
  return (await sql`delete from rabbitmq_rate_buckets where bucket_start < now() - ${retentionMs} * interval '1 millisecond' returning 1`).length;
}

/** Deletes registrations whose consumer has not beaten for this long (its process died); answers how many. */
async function pruneSilentConsumers(sql: Sql, silenceMs: number): Promise<number> {
  return (await sql`delete from rabbitmq_consumers where heartbeat_at < now() - ${silenceMs} * interval '1 millisecond' returning 1`).length;
}
