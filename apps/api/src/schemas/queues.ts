import { z } from 'zod';
import { type Queue, type QueuePolicy, type QueueStats } from '@interflow/broker';
import { pageQueryShape } from '../http/pagination';
import { userTopologyName } from './mq-names';

const DAY_MS = 24 * 3600 * 1000;
const overflowRule = z.enum(['reject_publish', 'dead_letter_oldest']);

const retryBackoffBody = z.strictObject({
  initial_delay_ms: z.number().int().min(0).max(DAY_MS),
  multiplier: z.number().min(1).max(100),
  max_delay_ms: z.number().int().min(0).max(7 * DAY_MS),
  jitter: z.number().min(0).max(1),
});

/** A queue policy in snake_case; an absent field takes the broker's default. */
const queuePolicyBody = z.strictObject({
  message_ttl_ms: z.number().int().min(1).max(365 * DAY_MS).nullable().optional(),
  max_attempts: z.number().int().min(1).max(1000).optional(),
  retry_backoff: retryBackoffBody.optional(),
  dead_letter_queue: userTopologyName.nullable().optional(),
  max_length: z.number().int().min(1).max(1_000_000_000).nullable().optional(),
  overflow: overflowRule.optional(),
  ack_deadline_ms: z.number().int().min(100).max(DAY_MS).optional(),
});

export const createQueueBody = z
  .strictObject({ name: userTopologyName, policy: queuePolicyBody.optional() })
  .refine((body) => body.policy?.dead_letter_queue !== body.name, {
    message: 'a queue cannot be its own dead-letter queue',
    path: ['policy', 'dead_letter_queue'],
  });
export const listQueuesQuery = z.strictObject({ ...pageQueryShape });
export const deleteQueueQuery = z.strictObject({
  /** true: refuse (409) while the queue holds messages, instead of deleting them with it. */
  if_empty: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
export const redriveBody = z.strictObject({
  /** Most messages moved by this call (1000 when absent: call again for more). */
  max: z.number().int().min(1).max(1_000_000).optional(),
  /** Only these dead letters (ids from peek); the others stay. */
  message_ids: z.array(z.string().regex(/^\d{1,19}$/, { message: 'expected a message id (digits)' })).min(1).max(1000).optional(),
});

/** The broker's camelCase partial policy from a validated body; absent fields stay absent. */
export function toQueuePolicy(body: z.infer<typeof queuePolicyBody> | undefined): Partial<QueuePolicy> {
  if (!body) return {};
  const policy: Partial<QueuePolicy> = {};
  if (body.message_ttl_ms !== undefined) policy.messageTtlMs = body.message_ttl_ms;
  if (body.max_attempts !== undefined) policy.maxAttempts = body.max_attempts;
  if (body.retry_backoff !== undefined) {
    const backoff = body.retry_backoff;
    policy.retryBackoff = {
      initialDelayMs: backoff.initial_delay_ms,
      multiplier: backoff.multiplier,
      maxDelayMs: backoff.max_delay_ms,
      jitter: backoff.jitter,
    };
  }
  if (body.dead_letter_queue !== undefined) policy.deadLetterQueue = body.dead_letter_queue;
  if (body.max_length !== undefined) policy.maxLength = body.max_length;
  if (body.overflow !== undefined) policy.overflow = body.overflow;
  if (body.ack_deadline_ms !== undefined) policy.ackDeadlineMs = body.ack_deadline_ms;
  return policy;
}

export const queueJson = z.object({
  name: z.string(),
  policy: z.object({
    message_ttl_ms: z.number().nullable(),
    max_attempts: z.number(),
    retry_backoff: z.object({ initial_delay_ms: z.number(), multiplier: z.number(), max_delay_ms: z.number(), jitter: z.number() }),
    dead_letter_queue: z.string().nullable(),
    max_length: z.number().nullable(),
    overflow: overflowRule,
    ack_deadline_ms: z.number(),
  }),
  created_at: z.string(),
});

export function queueToJson(queue: Queue): z.infer<typeof queueJson> {
  const { policy } = queue;
  return {
    name: queue.name,
    policy: {
      message_ttl_ms: policy.messageTtlMs,
      max_attempts: policy.maxAttempts,
      retry_backoff: {
        initial_delay_ms: policy.retryBackoff.initialDelayMs,
        multiplier: policy.retryBackoff.multiplier,
        max_delay_ms: policy.retryBackoff.maxDelayMs,
        jitter: policy.retryBackoff.jitter,
      },
      dead_letter_queue: policy.deadLetterQueue,
      max_length: policy.maxLength,
      overflow: policy.overflow,
      ack_deadline_ms: policy.ackDeadlineMs,
    },
    created_at: queue.createdAt.toISOString(),
  };
}

export const queueStatsJson = z.object({
  queue: z.string(),
  ready: z.number().describe('visible now, waiting for a consumer'),
  delayed: z.number().describe('not visible yet (delay or retry backoff)'),
  in_flight: z.number().describe('claimed by a consumer, lease running'),
  dead: z.number().describe("messages in this queue's dead-letter queue"),
  published_per_second: z.number().describe('over the last minute'),
  acked_per_second: z.number().describe('over the last minute'),
});

export function queueStatsToJson(stats: QueueStats): z.infer<typeof queueStatsJson> {
  return {
    queue: stats.queue,
    ready: stats.ready,
    delayed: stats.delayed,
    in_flight: stats.inFlight,
    dead: stats.dead,
    published_per_second: stats.publishedPerSecond,
    acked_per_second: stats.ackedPerSecond,
  };
}

export const purgedJson = z.object({ purged: z.number().describe('messages removed') });
export const redrivenJson = z.object({ redriven: z.number().describe('messages moved back to the queues they died in') });
