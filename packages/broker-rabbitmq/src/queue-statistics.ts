import type { QueueGauge, QueueStats } from '@interflow/broker';
import { NotFoundError, type Sql } from '@interflow/core';
import type { AmqpQueueConsumer } from './amqp-queue-consumer';
import { remoteInFlight } from './consumer-registry';
import type { Leases } from './leases';
import type { QueueOperations } from './queue-operations';
import { queueRates, type RateCounter } from './rate-counter';
import * as store from './topology-store';

/**
 * What the broker tells about its queues: counts from RabbitMQ (a passive declare per
 * queue and delay queue), in flight from this process's leases and consumers plus what
 * other processes' consumers reported with their last heartbeat, rates from the buckets.
 */
export class QueueStatistics {
  constructor(
    private readonly sql: Sql,
    private readonly operations: QueueOperations,
    private readonly rates: RateCounter,
    private readonly leases: Leases,
    private readonly consumers: ReadonlySet<AmqpQueueConsumer>,
  ) {}

  async queueStats(name: string): Promise<QueueStats> {
    const queue = await store.getQueue(this.sql, name);
    if (!queue) throw new NotFoundError('queue', name);
    await this.rates.flush(this.sql).catch(() => undefined);
    const dead = queue.policy.deadLetterQueue;
    const [ready, delayed, inFlight, deadReady, deadInFlight, rates] = await Promise.all([
      this.operations.readyCount(name),
      this.operations.delayedCount(name),
      this.inFlightOf(name),
      dead === null ? 0 : this.operations.readyCount(dead),
      dead === null ? 0 : this.inFlightOf(dead),
      queueRates(this.sql, name),
    ]);
    return { queue: name, ready, delayed, inFlight, dead: deadReady + deadInFlight, publishedPerSecond: rates.publishedPerSecond, ackedPerSecond: rates.ackedPerSecond };
  }

  /** Every declared queue's gauges: its stats, and the head peeked for its age. */
  async queueGauges(): Promise<QueueGauge[]> {
    const gauges: QueueGauge[] = [];
    for (const queue of await store.listQueues(this.sql)) {
      const stats = await this.queueStats(queue.name);
      gauges.push({
        queue: queue.name,
        ready: stats.ready,
        delayed: stats.delayed,
        inFlight: stats.inFlight,
        oldestReadyAgeSeconds: stats.ready > 0 ? await this.operations.oldestReadyAgeSeconds(queue.name) : 0,
        deadLetters: stats.dead,
      });
    }
    return gauges;
  }

  /** Deliveries held here (leases and prefetched) plus those other processes' consumers reported with their last heartbeat. */
  private async inFlightOf(queue: string): Promise<number> {
    const local = [...this.consumers].filter((consumer) => consumer.queue === queue);
    const remote = await remoteInFlight(this.sql, queue, local.map((consumer) => consumer.id));
    return this.leases.countFor(queue) + local.reduce((sum, consumer) => sum + consumer.waitingCount, 0) + remote;
  }
}
