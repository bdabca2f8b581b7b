import { type Broker, type Consumer, type Delivery, type DeliveryControl } from '@interflow/broker';
import { describeError, type Logger } from '@interflow/core';
import { type RunRequestKeys } from '@interflow/registry';
import { executeAction, type ExecutorDependencies } from './execute-action';
import {
  MalformedRunRequest,
  parseRunRequest,
  subscriptionRunRequest,
  UnauthorisedRunRequest,
  type RunRequest,
} from './run-request';
import type { SubscriptionSource } from './subscriptions/subscription-source';

export interface RunnerOptions {
  broker: Broker;
  logger: Logger;
  /** Action queues consumed, each with `concurrency` handlers. */
  queues: string[];
  concurrency: number;
  prefetch: number;
  leaseMs: number;
  consumerName: string;
  /** Where action subscriptions are listed; null: subscriptions are not consumed. */
  subscriptions: SubscriptionSource | null;
  subscriptionRefreshMs: number;
  executor: Omit<ExecutorDependencies, 'drainSignal'>;
  /** Verifies run requests: an unsigned or forged one is dead-lettered, never run. */
  runRequestKeys: RunRequestKeys;
}

/**
 * The runner's loop: one broker consumer per action queue, plus one per action
 * subscription (refreshed as subscriptions come and go). Stopping claims nothing more,
 * lets in-flight calls finish within the grace period, then abandons the rest, which go
 * back to their queues without using an attempt.
 */
export class ActionRunner {
  private readonly consumers = new Map<string, Consumer>();
  private readonly drain = new AbortController();
  private refreshTimer: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(private readonly options: RunnerOptions) {}

  /** Safe to call again after it failed part-way (the database went away meanwhile). */
  async start(): Promise<void> {
    for (const queue of this.options.queues) {
      if (this.consumers.has(queue) || this.stopping) continue;
      this.consume(queue, (delivery) => parseRunRequest(delivery, this.options.runRequestKeys));
    }
    if (this.options.subscriptions) {
      await this.refreshSubscriptions();
      clearInterval(this.refreshTimer);
      this.refreshTimer = setInterval(() => {
        this.refreshSubscriptions().catch((error: unknown) =>
          this.options.logger.warn('could not refresh action subscriptions', { error: describeError(error) }),
        );
      }, this.options.subscriptionRefreshMs);
      this.refreshTimer.unref();
    }
    this.options.logger.info('runner consuming', { queues: [...this.consumers.keys()], concurrency: this.options.concurrency });
  }

  /** Queues consumed right now (action queues and subscription queues). */
  consumedQueues(): string[] {
    return [...this.consumers.keys()];
  }

  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    clearInterval(this.refreshTimer);
    const abandon = setTimeout(() => {
      this.options.logger.warn('shutdown grace period over; abandoning in-flight calls', { graceMs });
      this.drain.abort(new Error('the runner is shutting down'));
    }, graceMs);
    try {
      await Promise.all([...this.consumers.values()].map((consumer) => consumer.stop()));
    } finally {
      clearTimeout(abandon);
    }
    this.consumers.clear();
  }

  private consume(queue: string, toRequest: (delivery: Delivery) => RunRequest) {
    const deps: ExecutorDependencies = { ...this.options.executor, drainSignal: this.drain.signal };
    const handler = async (delivery: Delivery, control: DeliveryControl) => {
      let request: RunRequest;
      try {
        request = toRequest(delivery);
      } catch (error) {
        if (error instanceof UnauthorisedRunRequest) {
          // nothing is recorded as a run: the request may name another deployment's run
          this.options.logger.error('unauthorised run request; dead-lettering it without running anything', {
            messageId: delivery.messageId,
            queue,
            sender: delivery.sender,
            reason: error.message,
          });
          deps.metrics.deliveries.inc({ outcome: 'unauthorised' });
          return control.reject(error.message);
        }
        if (!(error instanceof MalformedRunRequest)) throw error;
        this.options.logger.error('malformed run request; dead-lettering it (housekeeping ends any run it named)', { messageId: delivery.messageId, queue, reason: error.message });
        deps.metrics.deliveries.inc({ outcome: 'malformed' });
        return control.reject(error.message);
      }
      await executeAction(deps, delivery, control, request);
    };
    const consumer = this.options.broker.consume(queue, handler, {
      concurrency: this.options.concurrency,
      prefetch: this.options.prefetch,
      leaseMs: this.options.leaseMs,
      consumerName: this.options.consumerName,
    });
    this.consumers.set(queue, consumer);
  }

  private async refreshSubscriptions() {
    if (!this.options.subscriptions || this.stopping) return;
    const subscriptions = await this.options.subscriptions.list();
    const wanted = new Map(subscriptions.map((s) => [s.queue, s.actionId]));
    for (const [queue, actionId] of wanted) {
      if (this.consumers.has(queue) || this.stopping) continue;
      // the subscription names the action; the message only brings the input
      this.consume(queue, (delivery) => subscriptionRunRequest(actionId, delivery));
      this.options.logger.info('consuming action subscription', { queue, actionId });
    }
    for (const [queue, consumer] of this.consumers) {
      if (this.options.queues.includes(queue) || wanted.has(queue)) continue;
      this.consumers.delete(queue);
      await consumer.stop();
      this.options.logger.info('subscription removed; stopped consuming it', { queue });
    }
  }
}
