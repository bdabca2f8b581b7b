import { type DeathRecord, type MessageHeaders } from '@interflow/broker';

/** What the broker knows about a message (on the wire: wire-format.ts). */
export interface EnvelopeMeta {
  id: string;
  headers: MessageHeaders;
  /** Attempts spent before this delivery: the delivery's `attempt` is this + 1. */
  attempts: number;
  /** The previous delivery lost its lease (a lapse, or its consumer died). */
  recovered: boolean;
  deaths: DeathRecord[];
  sender: string | null;
  publishedAt: number;
  expiresAt: number | null;
  notBefore: number | null;
  ackDeadlineMs: number | null;
  dedupeKey: string | null;
  /** The queue it died in, while it lies in a dead-letter queue (for redrive). */
  deadFrom: string | null;
  /** Published within a transaction: the tracked-messages ledger follows it (acked, died, redriven). */
  tracked?: boolean;
}

/** A message ready to be sent to one queue: what a publish, a retry, a dead-lettering or the outbox sends. */
export interface Envelope {
  /** The contract name of the queue it goes to. */
  queue: string;
  /** The JSON text of the payload. */
  body: string;
  priority: number;
  replyTo: string | null;
  correlationId: string | null;
  meta: EnvelopeMeta;
}

export function deliveryAttempt(meta: EnvelopeMeta): number {
  return meta.attempts + 1;
}

/** The same message with `changes` to its meta (a retry, a death, a recovery). */
export function withMeta(envelope: Envelope, changes: Partial<EnvelopeMeta>, queue: string = envelope.queue): Envelope {
  return { ...envelope, queue, meta: { ...envelope.meta, ...changes } };
}

/** A death appended, counted per queue and reason as RabbitMQ's x-death counts. */
export function withDeath(deaths: DeathRecord[], queue: string, reason: string, detail: string | undefined, at: Date): DeathRecord[] {
  const count = deaths.filter((death) => death.queue === queue && death.reason === reason).length + 1;
  const death: DeathRecord = { queue, reason, count, time: at.toISOString() };
  if (detail !== undefined) death.detail = detail;
  return [...deaths, death];
}
