import { DEFAULT_EXCHANGE, type Broker, type Publication } from '@interflow/broker';

/** The payload every benchmark publishes: small JSON, like a typical action message. */
export function benchPayload(index: number): { index: number; kind: string; input: { customer: string } } {
  return { index, kind: 'bench', input: { customer: `c-${index % 997}` } };
}

/** The publication every benchmark publishes, through the default exchange. */
export function benchPublication(queue: string, index: number): Publication {
  return { exchange: DEFAULT_EXCHANGE, routingKey: queue, message: { payload: benchPayload(index) } };
}

/**
 * Publishes `count` messages to `queue` through the default exchange in batches of
 * `batchSize`, keeping `parallel` batches in flight. Resolves when every batch is committed.
 */
export async function publishInBatches(
  broker: Broker,
  queue: string,
  options: { count: number; batchSize: number; parallel: number; firstIndex?: number },
): Promise<void> {
  const firstIndex = options.firstIndex ?? 0;
  let next = 0;
  const worker = async () => {
    while (next < options.count) {
      const start = next;
      const size = Math.min(options.batchSize, options.count - start);
      next += size;
      const batch = Array.from({ length: size }, (_, offset) => benchPublication(queue, firstIndex + start + offset));
      await broker.publishBatch(batch);
    }
  };
  await Promise.all(Array.from({ length: options.parallel }, worker));
}

/** Fails the run when the queue still holds messages the benchmark believes handled. */
export async function assertQueueEmpty(broker: Broker, queue: string): Promise<void> {
  const stats = await broker.queueStats(queue);
  if (stats.ready + stats.delayed + stats.inFlight > 0) {
    throw new Error(
      `queue ${queue} is not empty after the benchmark (ready ${stats.ready}, delayed ${stats.delayed}, in flight ${stats.inFlight})`,
    );
  }
}
