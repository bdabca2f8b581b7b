import { z } from 'zod';

/** The longest `?wait=` accepted, in seconds (an HTTP request should not hang for ever). */
export const MAX_WAIT_SECONDS = 300;

export const triggerQuery = z.strictObject({
  wait: z.coerce
    .number()
    .min(0)
    .max(MAX_WAIT_SECONDS)
    .default(0)
    .describe('seconds to wait for the run to end; 0 answers 202 at once'),
});

export const triggerBody = z.strictObject({
  input: z.record(z.string(), z.unknown()).optional().describe("merged over the action's default input"),
});

/** A webhook's body is the input itself: external systems post their own payload. */
export const webhookBody = z.record(z.string(), z.unknown(), { message: 'the body must be a JSON object: it is the run input' });

export const idempotencyKeyHeader = z
  .string()
  .regex(/^[\x21-\x7e]{1,200}$/, { message: 'expected 1-200 visible ASCII characters' })
  .optional();

export const webhookParams = z.object({ secret: z.string().regex(/^whk_[A-Za-z0-9_-]{43}$/) });

export const IDEMPOTENCY_HEADER_DOC = {
  'Idempotency-Key': { description: 'retries with the same key (and input) return the same run instead of a new one' },
};
