import type { DeathRecord, MessageHeaders } from './broker';

/**
 * A waiting message with everything a broker keeps about it (ready, delayed or
 * dead-lettered; never one held by a consumer), in a form both implementations read and
 * write: what the broker move carries from one broker to the other.
 */
export interface PortableMessage {
  /** Kept across the move where the target can (both brokers use decimal ids). */
  id: string;
  queue: string;
  payload: unknown;
  headers: MessageHeaders;
  priority: number;
  publishedAt: Date;
  /** Delayed until this instant; null when ready now. */
  notBefore: Date | null;
  expiresAt: Date | null;
  ackDeadlineMs: number | null;
  replyTo: string | null;
  correlationId: string | null;
  dedupeKey: string | null;
  sender: string | null;
  /** Attempts spent so far: the next delivery is attempt `attempts + 1`. */
  attempts: number;
  deaths: DeathRecord[];
  /** The queue it died in, while it lies in a dead-letter queue (where redrive sends it). */
  deadFrom: string | null;
}
