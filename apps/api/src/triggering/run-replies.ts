import { replyQueueName, type Broker, type Consumer } from '@interflow/broker';
import { describeError, type Logger } from '@interflow/core';
import { parseRunReply, type RunReply } from '@interflow/registry';
import crypto from 'node:crypto';
import os from 'node:os';

export interface ReplyWaiter {
  /** Resolves with the reply, or null when `timeoutMs` passes first. */
  wait(timeoutMs: number): Promise<RunReply | null>;
  /** Stops waiting (the publish failed); a late reply is then dropped. */
  cancel(): void;
}

/** Replies nobody waits for any more are dropped by the queue after this. */
const REPLY_TTL_MS = 10 * 60_000;

/**
 * This api instance's reply queue and the requests waiting on it (`?wait=`). Every
 * instance declares its own queue and consumes it through the broker, so a reply
 * reaches the instance that holds the waiting HTTP request, without polling the runs
 * table. Waiters are registered before the run is published, so a fast reply is never
 * missed.
 */
export class RunReplies {
  readonly queue: string;
  private readonly waiters = new Map<string, (reply: RunReply | null) => void>();
  private consumer: Consumer | null = null;

  constructor(
    private readonly broker: Broker,
    private readonly logger: Logger,
    instanceId = `${os.hostname()}-${process.pid}-${crypto.randomBytes(3).toString('hex')}`,
  ) {
    this.queue = replyQueueName(`api.${instanceId}`);
  }

  /** False until `start` declared the queue: until then triggers answer without waiting. */
  get ready(): boolean {
    return this.consumer !== null;
  }

  async start(): Promise<void> {
    await this.broker.declareQueue({ name: this.queue, policy: { messageTtlMs: REPLY_TTL_MS, maxAttempts: 3 } });
    this.consumer = this.broker.consume(
      this.queue,
      async (delivery) => {
        const reply = parseRunReply(delivery.payload);
        const runId = delivery.correlationId ?? reply?.run_id;
        const resolve = runId ? this.waiters.get(runId) : undefined;
        if (resolve && reply) resolve(reply);
      },
      { concurrency: 4, consumerName: 'api run replies' },
    );
    this.logger.info('reply queue ready', { queue: this.queue });
  }

  expect(runId: string): ReplyWaiter {
    let resolveReply: (reply: RunReply | null) => void = () => undefined;
    const arrived = new Promise<RunReply | null>((resolve) => {
      resolveReply = resolve;
    });
    this.waiters.set(runId, (reply) => resolveReply(reply));
    const forget = () => {
      this.waiters.delete(runId);
      resolveReply(null);
    };
    return {
      wait: async (timeoutMs) => {
        const timer = setTimeout(forget, timeoutMs);
        try {
          return await arrived;
        } finally {
          clearTimeout(timer);
          this.waiters.delete(runId);
        }
      },
      cancel: forget,
    };
  }

  /** Answers every waiting request now (they get 202 and the run id): the api is shutting down. */
  releaseWaiters(): void {
    for (const resolve of this.waiters.values()) resolve(null);
    this.waiters.clear();
  }

  /** Stops consuming and removes the queue (replies still in flight have no one to reach). */
  async stop(): Promise<void> {
    this.releaseWaiters();
    await this.consumer?.stop();
    await this.broker.deleteQueue(this.queue).catch((error: unknown) => {
      this.logger.warn('could not delete the reply queue', { queue: this.queue, error: describeError(error) });
    });
  }
}
