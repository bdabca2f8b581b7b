import { type Broker } from '@interflow/broker';
import { type Sql } from '@interflow/core';
import type { Benchmark } from '../benchmark';
import { publishInBatches } from '../bench-queue';
import { median } from '../median';
import { elapsedSince, ratePerSecond } from '../percentiles';
import { createRawTable, rawInsertRate } from '../raw-insert';

const MESSAGES = 20_000;
const BATCH_SIZE = 1_000;
/** Batches committed at once: two keep the server busy while the client builds the next. */
const PARALLEL_BATCHES = 2;
const WARM_UP_MESSAGES = 2_000;
/** Rounds of raw insert, batches and one call, interleaved, so each ratio compares neighbours. */
const ROUNDS = 3;
const QUEUE = 'bench.publish_bulk';

/**
 * `publish_bulk_per_s`: 20,000 messages published in batches of 1,000 (2 in flight), each
 * batch one transaction; `publish_bulk_one_call_per_s`: the same 20,000 in one
 * `publishBatch` call. Beside them, in the same rounds, `raw_insert_per_s`: one plain
 * `insert … select` of the same payloads into a table shaped like `mq_messages`. Each
 * number is the median of 3 interleaved rounds; each `_vs_raw` ratio is the median of
 * the rounds' own ratios.
 */
export const publishBulkBenchmark: Benchmark = {
  name: 'publish_bulk',
  description: `${MESSAGES} messages via publishBatch (${BATCH_SIZE} a batch, ${PARALLEL_BATCHES} in flight; and one call), beside a raw insert`,
  async run(context) {
    const broker = await context.createBroker({ poolSize: PARALLEL_BATCHES + 2 });
    await broker.declareQueue({ name: QUEUE });
    await createRawTable(context.sql);
    await rawInsertRate(context.sql, QUEUE, WARM_UP_MESSAGES);
    await timedPublish(context.sql, broker, WARM_UP_MESSAGES, BATCH_SIZE);

    const raw: number[] = [];
    const batches: number[] = [];
    const oneCall: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      raw.push(await rawInsertRate(context.sql, QUEUE, MESSAGES));
      batches.push(await timedPublish(context.sql, broker, MESSAGES, BATCH_SIZE));
      oneCall.push(await timedPublish(context.sql, broker, MESSAGES, MESSAGES));
    }
    const ratio = (rates: number[]) => median(rates.map((rate, round) => rate / (raw[round] ?? Number.NaN)));
    return {
      raw_insert_per_s: Math.round(median(raw)),
      publish_bulk_per_s: Math.round(median(batches)),
      publish_bulk_vs_raw: round2(ratio(batches)),
      publish_bulk_one_call_per_s: Math.round(median(oneCall)),
      publish_bulk_one_call_vs_raw: round2(ratio(oneCall)),
    };
  },
};

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Publishes `count` messages into an empty queue in batches of `batchSize`; answers messages per second. */
async function timedPublish(sql: Sql, broker: Broker, count: number, batchSize: number): Promise<number> {
  // The bench owns this schema: emptying the table (not purging rows) gives every round the same start.
  await sql`truncate mq_messages`;
  const parallel = batchSize >= count ? 1 : PARALLEL_BATCHES;
  const started = performance.now();
  await publishInBatches(broker, QUEUE, { count, batchSize, parallel });
  const elapsed = elapsedSince(started);
  const stats = await broker.queueStats(QUEUE);
  if (stats.ready !== count) throw new Error(`expected ${count} ready messages after the bulk publish, found ${stats.ready}`);
  return ratePerSecond(count, elapsed);
}
