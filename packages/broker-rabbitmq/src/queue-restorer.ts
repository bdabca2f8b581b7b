import { type Logger, type Sql } from '@interflow/core';
import type { TopologyDeclarer } from './topology-declarer';
import * as store from './topology-store';

/**
 * Declares again, from the topology record, a queue RabbitMQ does not have: RabbitMQ lost
 * it (a crash within a declaration's first seconds: durable-queue.ts) or an operator
 * deleted it by hand. The queue comes back with its arguments, its dead-letter queue
 * (restored first when missing too), the dead-letter bindings of the queues that
 * dead-letter into it and its exchange bindings, and the answer waits until RabbitMQ has
 * written it all out. What RabbitMQ lost with the queue stays lost; what is sent to it
 * from now on is kept. Concurrent calls for one queue share one restore.
 */
export class QueueRestorer {
  private readonly restoring = new Map<string, Promise<boolean>>();

  constructor(
    private readonly sql: Sql,
    private readonly declarer: TopologyDeclarer,
    private readonly logger: Logger,
  ) {}

  /** False when the record has no such queue (it was deleted). */
  restore(queue: string): Promise<boolean> {
    let restore = this.restoring.get(queue);
    if (!restore) {
      restore = this.declareFromRecord(queue).finally(() => this.restoring.delete(queue));
      this.restoring.set(queue, restore);
    }
    return restore;
  }

  private async declareFromRecord(name: string): Promise<boolean> {
    const queue = await store.getQueue(this.sql, name);
    if (!queue) return false;
    this.logger.warn('RabbitMQ has no queue the topology record holds; declaring it again', { queue: name });
    const deadLetterQueue = queue.policy.deadLetterQueue;
    if (deadLetterQueue !== null && deadLetterQueue !== name) {
      const target = await store.getQueue(this.sql, deadLetterQueue);
      // its own dead-letter binding is the next declaration's; the chain ends at a queue RabbitMQ has
      if (target) await this.declarer.queue(target.name, { ...target.policy, deadLetterQueue: null }, null, false);
    }
    let wrote = await this.declarer.queue(name, queue.policy, null, false);
    for (const source of await store.listQueues(this.sql)) {
      if (source.policy.deadLetterQueue !== name) continue;
      await this.declarer.deadLetterBinding(source.name, name);
      wrote = true;
    }
    for (const binding of await store.listBindings(this.sql, { queue: name })) {
      const exchange = await store.getExchange(this.sql, binding.exchange);
      if (!exchange) continue;
      await this.declarer.exchange(exchange.name, exchange.type);
      await this.declarer.bind(binding, exchange.type);
      wrote = true;
    }
    if (wrote) await this.declarer.settle();
    return true;
  }
}
