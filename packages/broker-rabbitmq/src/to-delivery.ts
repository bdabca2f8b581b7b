import { type Delivery } from '@interflow/broker';
import { deliveryAttempt, type Envelope } from './envelope';
import { payloadOf } from './message-decoder';

/** The contract's view of an envelope; a peeked one has an empty token. */
export function toDelivery(envelope: Envelope, token: string, leaseExpiresAt: number): Delivery {
  const meta = envelope.meta;
  return {
    messageId: meta.id,
    queue: envelope.queue,
    payload: payloadOf(envelope),
    headers: meta.headers,
    priority: envelope.priority,
    attempt: deliveryAttempt(meta),
    deliveryToken: token,
    leaseExpiresAt: new Date(leaseExpiresAt),
    replyTo: envelope.replyTo,
    correlationId: envelope.correlationId,
    sender: meta.sender,
    publishedAt: new Date(meta.publishedAt),
    expiresAt: meta.expiresAt === null ? null : new Date(meta.expiresAt),
    deaths: meta.deaths,
    recovered: meta.recovered,
  };
}
