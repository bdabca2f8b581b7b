import { type Broker } from '@interflow/broker';
import type { Benchmark } from '../benchmark';
import { assertQueueEmpty, publishInBatches } from '../bench-queue';
import { Countdown } from '../countdown';
import { elapsedSince, ratePerSecond } from '../percentiles';

const MESSAGES = 20_000;
const CONCURRENCY = 16;
/** Deliveries claimed ahead of the handlers: large claims and ack batches are what make a drain fast. */
const PREFETCH = 256;
const WARM_UP_MESSAGES = 2_000;
const TIMEOUT_MS = 120_000;

/**
 * `drain_per_s`: 20,000 messages already queued, consumed with concurrency 16 by a
 * handler that does nothing (returning acks). The clock stops when the consumer has
 * stopped, i.e. when every ack is committed, and the queue is checked to be empty.
 */
export const drainBenchmark: Benchmark = {
  name: 'drain',
  description: `${MESSAGES} queued messages consumed, concurrency ${CONCURRENCY} (prefetch ${PREFETCH}), no-op handler`,
  async run(context) {
    const broker = await context.createBroker({ poolSize: 6 });
    await drainOnce(broker, 'bench.drain_warm_up', WARM_UP_MESSAGES);
    const elapsed = await drainOnce(broker, 'bench.drain', MESSAGES);
    return { drain_per_s: ratePerSecond(MESSAGES, elapsed) };
  },
};

/** Fills `queue` with `count` messages, then drains it; returns the drain time in ms. */
async function drainOnce(broker: Broker, queue: string, count: number): Promise<number> {
  await broker.declareQueue({ name: queue });
  await publishInBatches(broker, queue, { count, batchSize: 1_000, parallel: 2 });
  const handled = new Countdown(count, `${queue} to be drained`);
  const started = performance.now();
  const consumer = broker.consume(
    queue,
    async () => {
      handled.tick();
    },
    { concurrency: CONCURRENCY, prefetch: PREFETCH, consumerName: 'bench-drain' },
  );
  try {
    await handled.within(TIMEOUT_MS);
  } finally {
    await consumer.stop();
  }
  const elapsed = elapsedSince(started);
  await assertQueueEmpty(broker, queue);
  return elapsed;
}
