import { ValidationError } from '@interflow/core';
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

/** Names of exchanges and queues: non-empty, printable, at most 255 characters. */
export function validateName(name: unknown, field: string): asserts name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 255 || /[\u0000-\u001f]/.test(name)) {
    throw new ValidationError(`${field} must be a non-empty name of at most 255 printable characters`, [
      { field, message: 'must be a non-empty name of at most 255 printable characters' },
    ]);
  }
}
