import { type Broker } from '@interflow/broker';
import type { Benchmark } from '../benchmark';
import { benchPublication } from '../bench-queue';
import { Countdown } from '../countdown';
import { percentiles } from '../percentiles';

const RATE_PER_SECOND = 200;
const MESSAGES = 2_000;
const WARM_UP_MESSAGES = 200;
const CONCURRENCY = 4;
const TIMEOUT_MS = 60_000;

/**
 * `latency_ms`: time from the start of a publish call to the start of its handler, with
 * messages published open-loop at 200/s (a publish never waits for the previous one, so
 * a slow commit shows up as latency instead of lowering the rate) to a consumer that
 * waits for work. Both ends are in this process, so one monotonic clock measures them.
 */
export const latencyBenchmark: Benchmark = {
  name: 'latency',
  description: `publish → handler start at ${RATE_PER_SECOND} msg/s, ${MESSAGES} messages`,
  async run(context) {
    const broker = await context.createBroker({ poolSize: 8 });
    const queue = 'bench.latency';
    await broker.declareQueue({ name: queue });
    await measureLatencies(broker, queue, WARM_UP_MESSAGES);
    const samples = await measureLatencies(broker, queue, MESSAGES);
    return { latency_ms: percentiles(samples) };
  },
};

async function measureLatencies(broker: Broker, queue: string, count: number): Promise<number[]> {
  const sentAt = new Array<number>(count);
  const latencies: number[] = [];
  const received = new Countdown(count, `${count} messages to reach the handler`);
  const consumer = broker.consume<{ index: number }>(
    queue,
    async (delivery) => {
      const started = performance.now();
      const sent = sentAt[delivery.payload.index];
      if (sent !== undefined) latencies.push(started - sent);
      received.tick();
    },
    { concurrency: CONCURRENCY, consumerName: 'bench-latency' },
  );
  const intervalMs = 1000 / RATE_PER_SECOND;
  const publishes: Promise<unknown>[] = [];
  const begin = performance.now();
  try {
    for (let index = 0; index < count; index += 1) {
      const due = begin + index * intervalMs;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      sentAt[index] = performance.now();
      publishes.push(broker.publish(benchPublication(queue, index)));
    }
    await Promise.all(publishes);
    await received.within(TIMEOUT_MS);
  } finally {
    await consumer.stop();
  }
  if (latencies.length !== count) throw new Error(`expected ${count} latency samples, got ${latencies.length}`);
  return latencies;
}
