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
 * One consumer serves the warm-up and the measured phase, as the amqplib yardstick's
 * does: its start-up (a RabbitMQ channel opening) is not publish-to-handler latency.
 */
export const latencyBenchmark: Benchmark = {
  name: 'latency',
  description: `publish → handler start at ${RATE_PER_SECOND} msg/s, ${MESSAGES} messages`,
  async run(context) {
    const broker = await context.createBroker({ poolSize: 8 });
    const queue = 'bench.latency';
    await broker.declareQueue({ name: queue });
    let phase: Phase = new Phase(WARM_UP_MESSAGES);
    const consumer = broker.consume<{ index: number }>(queue, async (delivery) => phase.arrived(delivery.payload.index), {
      concurrency: CONCURRENCY,
      consumerName: 'bench-latency',
    });
    try {
      await publishAtRate(broker, queue, phase);
      phase = new Phase(MESSAGES);
      const samples = await publishAtRate(broker, queue, phase);
      return { latency_ms: percentiles(samples) };
    } finally {
      await consumer.stop();
    }
  },
};

/** One round of messages: when each was sent, and how long each took to reach its handler. */
class Phase {
  readonly sentAt: number[];
  readonly latencies: number[] = [];
  readonly received: Countdown;

  constructor(readonly count: number) {
    this.sentAt = new Array<number>(count);
    this.received = new Countdown(count, `${count} messages to reach the handler`);
  }

  arrived(index: number): void {
    const started = performance.now();
    const sent = this.sentAt[index];
    if (sent !== undefined) this.latencies.push(started - sent);
    this.received.tick();
  }
}

async function publishAtRate(broker: Broker, queue: string, phase: Phase): Promise<number[]> {
  const intervalMs = 1000 / RATE_PER_SECOND;
  const publishes: Promise<unknown>[] = [];
  const begin = performance.now();
  for (let index = 0; index < phase.count; index += 1) {
    const due = begin + index * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    phase.sentAt[index] = performance.now();
    publishes.push(broker.publish(benchPublication(queue, index)));
  }
  await Promise.all(publishes);
  await phase.received.within(TIMEOUT_MS);
  if (phase.latencies.length !== phase.count) throw new Error(`expected ${phase.count} latency samples, got ${phase.latencies.length}`);
  return phase.latencies;
}
