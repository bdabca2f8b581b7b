import type { Broker } from '@interflow/broker';
import type { Clock, Logger, MetricsRegistry, Sql } from '@interflow/core';
import type { SecretKeyring } from '@interflow/registry';
import type { OutboundFetch } from '@interflow/outbound';
import type { RunnerConfig } from '../config';
import { EmailChannel } from './email-channel';
import { createNotificationMetrics } from './notification-metrics';
import { NotificationWorker, type Channel } from './notification-worker';
import { WebhookChannel } from './webhook-channel';

/** Without SMTP settings every e-mail send is dead-lettered at once, with the reason. */
const noEmail: Channel = {
  send: async () => ({ kind: 'permanent', error: 'e-mail is not configured on this runner (SMTP_URL)' }),
};

/** The runner's notification worker from its configuration. */
export function buildNotificationWorker(deps: {
  config: RunnerConfig;
  sql: Sql;
  broker: Broker;
  clock: Clock;
  logger: Logger;
  keyring: SecretKeyring;
  fetch: OutboundFetch;
  consumerName: string;
  metrics: MetricsRegistry;
}): NotificationWorker {
  const { config } = deps;
  const email = config.SMTP_URL
    ? new EmailChannel({ url: config.SMTP_URL, from: config.SMTP_FROM, timeoutMs: config.NOTIFY_SEND_TIMEOUT_MS })
    : noEmail;
  const webhook = new WebhookChannel({
    sql: deps.sql,
    keyring: deps.keyring,
    fetch: deps.fetch,
    timeoutMs: config.NOTIFY_SEND_TIMEOUT_MS,
    now: () => deps.clock.now(),
  });
  return new NotificationWorker({
    sql: deps.sql,
    broker: deps.broker,
    clock: deps.clock,
    logger: deps.logger.child({ part: 'notifications' }),
    channels: { email, webhook },
    consumerName: deps.consumerName,
    metrics: createNotificationMetrics(deps.metrics),
    settings: {
      maxAttempts: config.NOTIFY_MAX_ATTEMPTS,
      retryInitialMs: config.NOTIFY_RETRY_INITIAL_MS,
      retryMaxMs: config.NOTIFY_RETRY_MAX_MS,
      concurrency: config.NOTIFY_CONCURRENCY,
      sweepIntervalMs: config.NOTIFY_SWEEP_INTERVAL_MS,
    },
  });
}
