import { SYSTEM_PREFIX, type Broker, type Publication, type QueuePolicy } from '@interflow/broker';

/**
 * The notification messages, declared once for everyone who writes or reads them (the
 * api publishes fan-outs, the runner fans out and sends). Everything goes through one
 * exchange of Interflow's own, routed by kind to one queue each, so a slow or failing
 * channel only ever fills its own queue.
 */
export const NOTIFICATION_EXCHANGE = `${SYSTEM_PREFIX}notifications`;

export const NOTIFICATION_ROUTES = ['fanout', 'email', 'webhook'] as const;
export type NotificationRoute = (typeof NOTIFICATION_ROUTES)[number];

export function notificationQueue(route: NotificationRoute): string {
  return `${NOTIFICATION_EXCHANGE}.${route}`;
}

/** Fan a published notification out into its deliveries. */
export interface FanOutMessage {
  notification_id: string;
}

/** Send one channel message (one row of notification_sends). */
export interface ChannelSendMessage {
  send_id: string;
}

export function fanOutPublication(notificationId: string): Publication {
  const payload: FanOutMessage = { notification_id: notificationId };
  return {
    exchange: NOTIFICATION_EXCHANGE,
    routingKey: 'fanout',
    mandatory: true,
    message: { payload, dedupeKey: `fanout:${notificationId}`, sender: 'notifications' },
  };
}

export function channelSendPublication(channel: 'email' | 'webhook', sendId: string): Publication {
  const payload: ChannelSendMessage = { send_id: sendId };
  return {
    exchange: NOTIFICATION_EXCHANGE,
    routingKey: channel,
    mandatory: true,
    message: { payload, dedupeKey: `send:${sendId}`, sender: 'notifications' },
  };
}

export function isFanOutMessage(payload: unknown): payload is FanOutMessage {
  return typeof payload === 'object' && payload !== null && typeof (payload as FanOutMessage).notification_id === 'string';
}

export function isChannelSendMessage(payload: unknown): payload is ChannelSendMessage {
  return typeof payload === 'object' && payload !== null && typeof (payload as ChannelSendMessage).send_id === 'string';
}

/**
 * Declares the exchange, its queues (each with a dead-letter queue) and bindings. Safe
 * to call from every daemon at every start: declarations are idempotent. The routes are
 * declared side by side: on RabbitMQ a declaration that made a queue waits until RabbitMQ
 * wrote it (decision 68), so a first start waits for two queues, not for all of them.
 */
export async function declareNotificationTopology(broker: Broker, channelPolicy: Partial<QueuePolicy> = {}): Promise<void> {
  await broker.declareExchange({ name: NOTIFICATION_EXCHANGE, type: 'direct' });
  await Promise.all(
    NOTIFICATION_ROUTES.map(async (route) => {
      const queue = notificationQueue(route);
      await broker.declareQueue({ name: `${queue}.dead` });
      await broker.declareQueue({
        name: queue,
        policy: { deadLetterQueue: `${queue}.dead`, ...(route === 'fanout' ? {} : channelPolicy) },
      });
      await broker.bind({ exchange: NOTIFICATION_EXCHANGE, queue, bindingKey: route });
    }),
  );
}
