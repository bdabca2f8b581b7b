import { deadLetterQueueOf, ITEM_EVENTS_EXCHANGE, type Broker } from '@interflow/broker';

/**
 * Makes sure each consumed action queue exists and has a dead-letter queue, so a failed
 * run's message is kept with its reason rather than dropped. An existing queue keeps its
 * policy; only a missing dead-letter queue is added (`<queue>.dead`). The queues are
 * seen to side by side (on RabbitMQ a declaration that made a queue waits until it is
 * written, decision 68).
 */
export async function ensureActionQueues(broker: Broker, queues: string[]): Promise<void> {
  await Promise.all(
    queues.map(async (queue) => {
      const existing = await broker.getQueue(queue);
      if (existing?.policy.deadLetterQueue) return;
      const deadLetterQueue = deadLetterQueueOf(queue);
      if (!(await broker.getQueue(deadLetterQueue))) await broker.declareQueue({ name: deadLetterQueue });
      await broker.declareQueue({ name: queue, policy: { deadLetterQueue } });
    }),
  );
}

/** The topic exchange pollers publish their item events to (declaring it again changes nothing). */
export async function ensureItemEventsExchange(broker: Broker): Promise<void> {
  await broker.declareExchange({ name: ITEM_EVENTS_EXCHANGE, type: 'topic' });
}

/**
 * A queue's max attempts, remembered for a while: read for every failed call, and
 * policies change rarely. A queue that vanished has no limit of its own.
 */
export function queueMaxAttemptsLookup(broker: Broker, ttlMs = 30_000): (queue: string) => Promise<number> {
  const cache = new Map<string, { value: number; until: number }>();
  return async (queue) => {
    const cached = cache.get(queue);
    if (cached && cached.until > Date.now()) return cached.value;
    const found = await broker.getQueue(queue);
    const value = found?.policy.maxAttempts ?? Number.POSITIVE_INFINITY;
    cache.set(queue, { value, until: Date.now() + ttlMs });
    return value;
  };
}
