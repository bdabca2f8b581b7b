import type { DeathRecord, Delivery, MessageHeaders } from '@interflow/broker';

/** The columns of `mq_messages` a delivery is built from. */
export interface MessageRow {
  id: string;
  queue: string;
  payload: unknown;
  headers: MessageHeaders;
  priority: number;
  attempts: number;
  lease_token: string | null;
  lease_expires_at: Date | null;
  visible_at: Date;
  reply_to: string | null;
  correlation_id: string | null;
  sender: string | null;
  published_at: Date;
  expires_at: Date | null;
  deaths: DeathRecord[];
  recovered: boolean;
}

/**
 * A stored row as the consumer sees it. For a row that is not leased (peek), the token
 * is empty and `leaseExpiresAt` is the moment the message becomes visible.
 */
export function toDelivery(row: MessageRow): Delivery {
  return {
    messageId: row.id,
    queue: row.queue,
    payload: row.payload,
    headers: row.headers,
    priority: row.priority,
    attempt: row.attempts,
    deliveryToken: row.lease_token ?? '',
    leaseExpiresAt: row.lease_expires_at ?? row.visible_at,
    replyTo: row.reply_to,
    correlationId: row.correlation_id,
    sender: row.sender,
    publishedAt: row.published_at,
    expiresAt: row.expires_at,
    deaths: row.deaths,
    recovered: row.recovered,
  };
}

/** Compares message ids (decimal bigint strings without leading zeros) without parsing them. */
export function compareMessageIds(left: string, right: string): number {
  if (left.length !== right.length) return left.length - right.length;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Claim order: higher priority first, then older (smaller id) first. */
export function compareClaimOrder(a: Delivery, b: Delivery): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  return compareMessageIds(a.messageId, b.messageId);
}
