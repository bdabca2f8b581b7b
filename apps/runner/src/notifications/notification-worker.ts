import type { Broker, Consumer, Delivery, DeliveryControl } from '@interflow/broker';
import type { Clock, Logger, Sql } from '@interflow/core';
import {
  declareNotificationTopology,
  fanOutNotification,
  getChannelSend,
  isChannelSendMessage,
  isFanOutMessage,
  notificationQueue,
  recordSendAttempt,
} from '@interflow/notifications';
import type { SendOutcome } from './send-outcome';
import { noNotificationMetrics, type NotificationMetrics } from './notification-metrics';
import { NotificationSweeper, type SweepSettings } from './notification-sweeper';

/** One channel: sends one message of a notification to one recipient. */
export interface Channel {
  send(send: NonNullable<Awaited<ReturnType<typeof getChannelSend>>>): Promise<SendOutcome>;
}

export interface NotificationWorkerSettings extends SweepSettings {
  /** Attempts of one channel send before it is dead-lettered (the channel queues' max attempts). */
  maxAttempts: number;
  /** Backoff between attempts: first delay, doubled each time, capped. */
  retryInitialMs: number;
  retryMaxMs: number;
  /** Sends handled at once, per channel. */
  concurrency: number;
}

/**
 * The runner's notification work: fans published notifications out into deliveries,
 * sends e-mail and webhooks (each channel its own queue, so one failing channel never
 * holds up another, nor the inbox), and sweeps for reminders, escalations and expiry.
 * Every runner runs one; the broker shares the messages, and the sweeps claim their
 * rows with skip-locked, so more runners mean more throughput and nothing twice.
 */
export class NotificationWorker {
  private readonly consumers: Consumer[] = [];
  private readonly sweeper: NotificationSweeper;

  constructor(
    private readonly deps: {
      sql: Sql;
      broker: Broker;
      clock: Clock;
      logger: Logger;
      channels: { email: Channel; webhook: Channel };
      settings: NotificationWorkerSettings;
      consumerName: string;
      metrics?: NotificationMetrics;
    },
  ) {
    this.sweeper = new NotificationSweeper({ ...deps, settings: deps.settings });
  }

  async start(): Promise<void> {
    const { broker, settings } = this.deps;
    await declareNotificationTopology(broker, {
      maxAttempts: settings.maxAttempts,
      retryBackoff: { initialDelayMs: settings.retryInitialMs, multiplier: 2, maxDelayMs: settings.retryMaxMs, jitter: 0.2 },
    });
    const consumerName = `${this.deps.consumerName}:notifications`;
    this.consumers.push(
      broker.consume(notificationQueue('fanout'), (delivery) => this.fanOut(delivery), { concurrency: 2, prefetch: 4, consumerName }),
      broker.consume(notificationQueue('email'), (delivery, control) => this.send(delivery, control), {
        concurrency: settings.concurrency,
        prefetch: settings.concurrency,
        consumerName,
      }),
      broker.consume(notificationQueue('webhook'), (delivery, control) => this.send(delivery, control), {
        concurrency: settings.concurrency,
        prefetch: settings.concurrency,
        consumerName,
      }),
    );
    this.sweeper.start();
  }

  async stop(): Promise<void> {
    await this.sweeper.stop();
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
    this.consumers.length = 0;
  }

  private async fanOut(delivery: Delivery): Promise<void> {
    const { sql, clock, broker, logger } = this.deps;
    if (!isFanOutMessage(delivery.payload)) {
      logger.error('a notification fan-out message without a notification id: dropped', { messageId: delivery.messageId });
      return;
    }
    const notificationId = delivery.payload.notification_id;
    const outcome = await fanOutNotification(sql, clock, broker, notificationId);
    logger.info('notification fanned out', { notificationId, deliveries: outcome.delivered, sends: outcome.sends });
  }

  private async send(delivery: Delivery, control: DeliveryControl): Promise<void> {
    const { sql, clock, logger, channels, settings } = this.deps;
    if (!isChannelSendMessage(delivery.payload)) {
      logger.error('a notification send message without a send id: dropped', { messageId: delivery.messageId });
      return;
    }
    const send = await getChannelSend(sql, delivery.payload.send_id);
    // Deleted meanwhile (recipient or notification), or already settled by an earlier copy.
    if (!send || send.state !== 'pending') return;
    // A channel answers what the attempt came to; anything it throws (a secret the keys
    // cannot open, the database) is an attempt that failed and may be retried.
    const outcome: SendOutcome = await channels[send.channel]
      .send(send)
      .catch((error: unknown) => ({ kind: 'retryable', error: `the ${send.channel} channel failed: ${error instanceof Error ? error.message : String(error)}` }));
    const now = clock.now();
    const log = { notificationId: send.notificationId, deliveryId: send.deliveryId, sendId: send.id, channel: send.channel, attempt: delivery.attempt };
    const metrics = this.deps.metrics ?? noNotificationMetrics;
    if (outcome.kind === 'sent') {
      await recordSendAttempt(sql, send, delivery.attempt, { kind: 'sent' }, now);
      metrics.sendEnded(send.channel, 'sent');
      return;
    }
    const willRetry = outcome.kind === 'retryable' && delivery.attempt < settings.maxAttempts;
    await recordSendAttempt(sql, send, delivery.attempt, { kind: 'failed', error: outcome.error, willRetry }, now);
    metrics.sendEnded(send.channel, willRetry ? 'retry' : 'dead_lettered');
    if (willRetry) {
      logger.warn('notification send failed; retrying', { ...log, error: outcome.error });
      await control.nack({ reason: outcome.error });
    } else {
      logger.warn('notification send dead-lettered', { ...log, error: outcome.error });
      await control.reject(outcome.error);
    }
  }
}
