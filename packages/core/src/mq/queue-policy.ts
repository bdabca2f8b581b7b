import { ValidationError } from '../errors';
import type { QueuePolicy } from './broker';

/** What a queue gets for every policy field its declaration leaves out. */
export const DEFAULT_QUEUE_POLICY: QueuePolicy = {
  messageTtlMs: null,
  maxAttempts: 5,
  retryBackoff: { initialDelayMs: 1000, multiplier: 2, maxDelayMs: 60_000, jitter: 0.2 },
  deadLetterQueue: null,
  maxLength: null,
  overflow: 'reject_publish',
  ackDeadlineMs: 30_000,
};

type Problem = { field: string; message: string };

function positiveInteger(value: unknown, field: string, problems: Problem[], allowZero = false): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < (allowZero ? 0 : 1) || value > 2_147_483_647) {
    problems.push({ field, message: allowZero ? 'must be a non-negative integer' : 'must be a positive integer' });
  }
}

/** Lays `changes` over `base` and validates the result; throws a ValidationError naming each bad field. */
export function mergeQueuePolicy(base: QueuePolicy, changes: Partial<QueuePolicy> | undefined): QueuePolicy {
  const policy: QueuePolicy = {
    ...base,
    ...changes,
    retryBackoff: { ...base.retryBackoff, ...(changes?.retryBackoff ?? {}) },
  };
  const problems: Problem[] = [];
  if (policy.messageTtlMs !== null) positiveInteger(policy.messageTtlMs, 'policy.messageTtlMs', problems);
  positiveInteger(policy.maxAttempts, 'policy.maxAttempts', problems);
  positiveInteger(policy.retryBackoff.initialDelayMs, 'policy.retryBackoff.initialDelayMs', problems, true);
  positiveInteger(policy.retryBackoff.maxDelayMs, 'policy.retryBackoff.maxDelayMs', problems, true);
  const { multiplier, jitter } = policy.retryBackoff;
  if (typeof multiplier !== 'number' || !Number.isFinite(multiplier) || multiplier < 1) problems.push({ field: 'policy.retryBackoff.multiplier', message: 'must be a number >= 1' });
  if (typeof jitter !== 'number' || !(jitter >= 0 && jitter <= 1)) problems.push({ field: 'policy.retryBackoff.jitter', message: 'must be a number between 0 and 1' });
  if (policy.deadLetterQueue !== null && (typeof policy.deadLetterQueue !== 'string' || policy.deadLetterQueue === '')) {
    problems.push({ field: 'policy.deadLetterQueue', message: 'must be a queue name or null' });
  }
  if (policy.maxLength !== null) positiveInteger(policy.maxLength, 'policy.maxLength', problems);
  if (policy.overflow !== 'reject_publish' && policy.overflow !== 'dead_letter_oldest') {
    problems.push({ field: 'policy.overflow', message: `must be 'reject_publish' or 'dead_letter_oldest'` });
  }
  positiveInteger(policy.ackDeadlineMs, 'policy.ackDeadlineMs', problems);
  if (problems.length > 0) throw new ValidationError(`invalid queue policy: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
  return policy;
}

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

/** Names of exchanges and queues: non-empty, printable, at most 255 characters. */
export function validateName(name: unknown, field: string): asserts name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 255 || /[\u0000-\u001f]/.test(name)) {
    throw new ValidationError(`${field} must be a non-empty name of at most 255 printable characters`, [
      { field, message: 'must be a non-empty name of at most 255 printable characters' },
    ]);
  }
}
