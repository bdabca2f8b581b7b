import type { Broker } from '@interflow/core';

/** The dead-letter queue the runner gives an action queue it creates. */
export function deadLetterQueueOf(queue: string): string {
  return `${queue}.dead`;
}

/**
 * Makes sure each consumed action queue exists, so messages published before any
 * operator declared it are kept. A queue that exists is left exactly as configured; one
 * that does not is created with a dead-letter queue, so failed runs are never dropped.
 */
export async function ensureActionQueues(broker: Broker, queues: string[]): Promise<void> {
  for (const queue of queues) {
    if (await broker.getQueue(queue)) continue;
    const deadLetterQueue = deadLetterQueueOf(queue);
    if (!(await broker.getQueue(deadLetterQueue))) await broker.declareQueue({ name: deadLetterQueue });
    await broker.declareQueue({ name: queue, policy: { deadLetterQueue } });
  }
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
