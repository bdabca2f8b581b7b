import { Counter } from 'prom-client';
import type { MetricsRegistry } from '@interflow/core';

/** How notification sends end on this runner, per channel: sent, retry, dead_lettered. */
export interface NotificationMetrics {
  sendEnded(channel: 'email' | 'webhook', outcome: 'sent' | 'retry' | 'dead_lettered'): void;
}

export function createNotificationMetrics(registry: MetricsRegistry): NotificationMetrics {
  const sends = new Counter({
    name: 'interflow_notification_sends_total',
    help: 'Attempts of notification sends by channel (email, webhook) and outcome (sent, retry, dead_lettered)',
    labelNames: ['channel', 'outcome'],
    registers: [registry],
  });
  return { sendEnded: (channel, outcome) => sends.inc({ channel, outcome }) };
}

/** For tests and runners without a registry. */
export const noNotificationMetrics: NotificationMetrics = { sendEnded: () => undefined };
