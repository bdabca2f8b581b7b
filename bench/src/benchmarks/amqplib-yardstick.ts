import amqp from 'amqplib';
import type { Benchmark, BenchmarkResult } from '../benchmark';
import { Countdown } from '../countdown';
import { elapsedSince, percentiles, ratePerSecond } from '../percentiles';

const PREFETCH = 16;
const DRAIN_MESSAGES = 20_000;
const E2E_MESSAGES = 20_000;
const E2E_PUBLISHERS = 8;
const LATENCY_MESSAGES = 2_000;
const LATENCY_RATE_PER_SECOND = 200;
const TIMEOUT_MS = 180_000;

/**
 * The yardstick for `--broker rabbitmq`: plain amqplib doing the same work as the drain,
 * e2e and latency benchmarks, the way the issue defines it (a durable classic queue,
 * persistent messages, publisher confirms, manual acks, prefetch 16), in the same run,
 * with Nagle's algorithm off on its socket like the broker's.
 * Keys: `amqplib_drain_per_s`, `amqplib_e2e_per_s`, `amqplib_latency_ms`.
 */
export const amqplibYardstick: Benchmark = {
  name: 'amqplib',
  description: 'plain amqplib yardstick (durable queue, persistent, confirms, manual acks, prefetch 16): drain, e2e, latency',
  async run(context) {
    // noDelay as the broker has it: with Nagle's algorithm on, small confirm and ack frames wait
    // for TCP's delayed ACK (~40 ms), which would make the yardstick's latency, not ours, the story.
    const connection = await amqp.connect(context.amqpUrl, { noDelay: true });
    const prefix = `${context.schema}.yardstick.`;
    try {
      const result: BenchmarkResult = {
        amqplib_drain_per_s: await drain(connection, `${prefix}drain`),
        amqplib_e2e_per_s: await endToEnd(connection, `${prefix}e2e`),
        amqplib_latency_ms: percentiles(await latency(connection, `${prefix}latency`)),
      };
      return result;
    } finally {
      const channel = await connection.createChannel();
      for (const name of ['drain', 'e2e', 'latency']) await channel.deleteQueue(`${prefix}${name}`);
      await connection.close();
    }
  },
};

const body = (index: number) => Buffer.from(JSON.stringify({ index, at: Date.now() }));

async function declare(connection: amqp.ChannelModel, queue: string): Promise<void> {
  const channel = await connection.createChannel();
  await channel.assertQueue(queue, { durable: true });
  await channel.purgeQueue(queue);
  await channel.close();
}

async function publishConfirmed(channel: amqp.ConfirmChannel, queue: string, index: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    channel.sendToQueue(queue, body(index), { persistent: true, contentType: 'application/json' }, (error: unknown) => (error ? reject(error as Error) : resolve()));
  });
}

/** Consumes with manual acks; `onMessage` sees the parsed body. Returns the cancel function. */
async function consume(connection: amqp.ChannelModel, queue: string, onMessage: (payload: { index: number }) => void): Promise<() => Promise<void>> {
  const channel = await connection.createChannel();
  await channel.prefetch(PREFETCH);
  const { consumerTag } = await channel.consume(queue, (message) => {
    if (!message) return;
    onMessage(JSON.parse(message.content.toString('utf8')) as { index: number });
    channel.ack(message);
  });
  return async () => {
    await channel.cancel(consumerTag);
    await channel.close();
  };
}

async function drain(connection: amqp.ChannelModel, queue: string): Promise<number> {
  await declare(connection, queue);
  const publisher = await connection.createConfirmChannel();
  for (let index = 0; index < DRAIN_MESSAGES; index += 1) {
    if (!publisher.sendToQueue(queue, body(index), { persistent: true })) await new Promise((resolve) => publisher.once('drain', resolve));
  }
  await publisher.waitForConfirms();
  await publisher.close();
  const handled = new Countdown(DRAIN_MESSAGES, 'amqplib drain');
  const started = performance.now();
  const cancel = await consume(connection, queue, () => handled.tick());
  try {
    await handled.within(TIMEOUT_MS);
  } finally {
    await cancel();
  }
  return ratePerSecond(DRAIN_MESSAGES, elapsedSince(started));
}

async function endToEnd(connection: amqp.ChannelModel, queue: string): Promise<number> {
  await declare(connection, queue);
  const handled = new Countdown(E2E_MESSAGES, 'amqplib e2e');
  const started = performance.now();
  const cancel = await consume(connection, queue, () => handled.tick());
  const perPublisher = Math.ceil(E2E_MESSAGES / E2E_PUBLISHERS);
  try {
    await Promise.all(
      Array.from({ length: E2E_PUBLISHERS }, async (_, publisherIndex) => {
        const channel = await connection.createConfirmChannel();
        const first = publisherIndex * perPublisher;
        for (let index = first; index < Math.min(E2E_MESSAGES, first + perPublisher); index += 1) await publishConfirmed(channel, queue, index);
        await channel.close();
      }),
    );
    await handled.within(TIMEOUT_MS);
  } finally {
    await cancel();
  }
  return ratePerSecond(E2E_MESSAGES, elapsedSince(started));
}

async function latency(connection: amqp.ChannelModel, queue: string): Promise<number[]> {
  await declare(connection, queue);
  const sentAt = new Array<number>(LATENCY_MESSAGES);
  const latencies: number[] = [];
  const received = new Countdown(LATENCY_MESSAGES, 'amqplib latency');
  const cancel = await consume(connection, queue, (payload) => {
    const sent = sentAt[payload.index];
    if (sent !== undefined) latencies.push(performance.now() - sent);
    received.tick();
  });
  const channel = await connection.createConfirmChannel();
  const publishes: Promise<void>[] = [];
  const begin = performance.now();
  try {
    for (let index = 0; index < LATENCY_MESSAGES; index += 1) {
      const wait = begin + (index * 1000) / LATENCY_RATE_PER_SECOND - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      sentAt[index] = performance.now();
      publishes.push(publishConfirmed(channel, queue, index));
    }
    await Promise.all(publishes);
    await received.within(TIMEOUT_MS);
  } finally {
    await cancel();
    await channel.close();
  }
  return latencies;
}
