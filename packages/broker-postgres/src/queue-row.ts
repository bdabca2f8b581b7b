import type { QueuePolicy } from '@interflow/broker';

/** A stored `mq_queues` row. */
export interface QueueRow {
  name: string;
  message_ttl_ms: string | null;
  max_attempts: number;
  backoff_initial_ms: number;
  backoff_multiplier: number;
  backoff_max_ms: number;
  backoff_jitter: number;
  dead_letter_queue: string | null;
  max_length: number | null;
  overflow: QueuePolicy['overflow'];
  ack_deadline_ms: number;
  created_at: Date;
}

export function policyFromRow(row: QueueRow): QueuePolicy {
  return {
    messageTtlMs: row.message_ttl_ms === null ? null : Number(row.message_ttl_ms),
    maxAttempts: row.max_attempts,
    retryBackoff: {
      initialDelayMs: row.backoff_initial_ms,
      multiplier: row.backoff_multiplier,
      maxDelayMs: row.backoff_max_ms,
      jitter: row.backoff_jitter,
    },
    deadLetterQueue: row.dead_letter_queue,
    maxLength: row.max_length,
    overflow: row.overflow,
    ackDeadlineMs: row.ack_deadline_ms,
  };
}
