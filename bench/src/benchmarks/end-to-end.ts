import { type Broker } from '@interflow/broker';
import type { Benchmark } from '../benchmark';
import { assertQueueEmpty, benchPublication } from '../bench-queue';
import { Countdown } from '../countdown';
import { elapsedSince, percentiles, ratePerSecond } from '../percentiles';
import { createBaselineTable, insertCommits } from './baseline';

const MESSAGES = 20_000;
const PUBLISHERS = 8;
const CONSUMER_CONCURRENCY = 16;
const CONSUMER_PREFETCH = 64;
const WARM_UP_MESSAGES = 800;
const TIMEOUT_MS = 180_000;

/**
 * `e2e_per_s`: 8 publishers each publishing single messages one after the other, every
 * publish awaited (it resolves only once committed: durable), while a consumer handles
 * them. The clock stops when the last message was handled and every ack committed.
 * `e2e_publish_ms` is how long each awaited publish took (its share of a commit): with
 * 8 publishers, `e2e_per_s` is about 8 / that time.
 * `e2e_vs_raw`: `e2e_per_s` over 8 bare connections each committing its own single-row
 * insert, measured just before and just after (the mean of the two), in this run: group
 * commit should let 8 publishers beat 8 connections committing alone.
 */
export const endToEndBenchmark: Benchmark = {
  name: 'e2e',
  description: `${MESSAGES} single durable publishes from ${PUBLISHERS} publishers while consuming`,
  async run(context) {
    const broker = await context.createBroker({ poolSize: PUBLISHERS + 4 });
    await runEndToEnd(broker, 'bench.e2e_warm_up', WARM_UP_MESSAGES);
    await createBaselineTable(context.sql);
    const commitsBefore = await insertCommits(context.sql, PUBLISHERS);
    const { elapsed, publishDurations } = await runEndToEnd(broker, 'bench.e2e', MESSAGES);
    const commitsAfter = await insertCommits(context.sql, PUBLISHERS);
    const e2ePerSecond = ratePerSecond(MESSAGES, elapsed);
    const commits = (commitsBefore + commitsAfter) / 2;
    return {
      e2e_per_s: e2ePerSecond,
      e2e_publish_ms: percentiles(publishDurations),
      e2e_yardstick_commits_8_connections_per_s: Math.round(commits),
      e2e_vs_raw: Math.round((e2ePerSecond / commits) * 100) / 100,
    };
  },
};

async function runEndToEnd(broker: Broker, queue: string, count: number): Promise<{ elapsed: number; publishDurations: number[] }> {
  await broker.declareQueue({ name: queue });
  const handled = new Countdown(count, `${queue}: every published message handled`);
  const started = performance.now();
  const consumer = broker.consume(
    queue,
    async () => {
      handled.tick();
    },
    { concurrency: CONSUMER_CONCURRENCY, prefetch: CONSUMER_PREFETCH, consumerName: 'bench-e2e' },
  );
  const perPublisher = Math.ceil(count / PUBLISHERS);
  const publishDurations: number[] = [];
  const publisher = async (publisherIndex: number) => {
    const first = publisherIndex * perPublisher;
    const last = Math.min(count, first + perPublisher);
    for (let index = first; index < last; index += 1) {
      const publishStarted = performance.now();
      await broker.publish(benchPublication(queue, index));
      publishDurations.push(elapsedSince(publishStarted));
    }
  };
  try {
    await Promise.all(Array.from({ length: PUBLISHERS }, (_, i) => publisher(i)));
    await handled.within(TIMEOUT_MS);
  } finally {
    await consumer.stop();
  }
  const elapsed = elapsedSince(started);
  await assertQueueEmpty(broker, queue);
  return { elapsed, publishDurations };
}
