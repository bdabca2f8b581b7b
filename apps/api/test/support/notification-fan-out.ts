import { systemClock } from '@interflow/core';
import { fanOutNotification, notificationQueue } from '@interflow/notifications';
import type { TestApi } from './test-api';

/**
 * Does what a runner does with queued fan-out messages (the api tests run no runner):
 * claims them from the notification exchange's fan-out queue, makes the deliveries, acks.
 * Returns how many deliveries were made.
 */
export async function fanOutQueued(api: TestApi): Promise<number> {
  let delivered = 0;
  for (;;) {
    const claimed = await api.broker.claim(notificationQueue('fanout'), { max: 50 });
    if (claimed.length === 0) return delivered;
    for (const message of claimed) {
      const payload = message.payload as { notification_id: string };
      delivered += (await fanOutNotification(api.db.sql, systemClock, api.broker, payload.notification_id)).delivered;
    }
    await api.broker.ack(claimed.map((message) => ({ messageId: message.messageId, deliveryToken: message.deliveryToken })));
  }
}
