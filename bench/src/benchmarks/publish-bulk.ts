import type { Benchmark } from '../benchmark';
import { publishInBatches } from '../bench-queue';
import { elapsedSince, ratePerSecond } from '../percentiles';

const MESSAGES = 20_000;
const BATCH_SIZE = 1_000;
/** Batches committed at once: two keep the server busy while the client builds the next. */
const PARALLEL_BATCHES = 2;
const WARM_UP_MESSAGES = 2_000;

/** `publish_bulk_per_s`: 20,000 messages published in batches, each batch one transaction. */
export const publishBulkBenchmark: Benchmark = {
  name: 'publish_bulk',
  description: `${MESSAGES} messages via publishBatch (${BATCH_SIZE} a batch, ${PARALLEL_BATCHES} in flight)`,
  async run(context) {
    const broker = await context.createBroker({ poolSize: PARALLEL_BATCHES + 2 });
    const queue = 'bench.publish_bulk';
    await broker.declareQueue({ name: queue });
    await publishInBatches(broker, queue, { count: WARM_UP_MESSAGES, batchSize: BATCH_SIZE, parallel: PARALLEL_BATCHES });
    await broker.purgeQueue(queue);

    const started = performance.now();
    await publishInBatches(broker, queue, { count: MESSAGES, batchSize: BATCH_SIZE, parallel: PARALLEL_BATCHES });
    const elapsed = elapsedSince(started);

    const stats = await broker.queueStats(queue);
    if (stats.ready !== MESSAGES) throw new Error(`expected ${MESSAGES} ready messages after the bulk publish, found ${stats.ready}`);
    return { publish_bulk_per_s: ratePerSecond(MESSAGES, elapsed) };
  },
};
