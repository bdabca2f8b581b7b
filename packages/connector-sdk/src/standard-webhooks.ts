import crypto from 'node:crypto';
import { DEFAULT_SIGNATURE_TOLERANCE_MS, type SignatureVerdict } from './signature';

/**
 * The runner → connector signature as Standard Webhooks (standardwebhooks.com), so a
 * connector in any language verifies a call with an existing library:
 *
 *   webhook-id:        msg_<run id>_<attempt>   (unique per attempt: no retry is deduplicated away)
 *   webhook-timestamp: Unix seconds
 *   webhook-signature: v1,<base64 HMAC-SHA256 over "<id>.<timestamp>.<payload>">
 *
 * The key is the service's signing secret: a `whsec_<base64>` secret is base64-decoded
 * as the standard says; any other secret is used as its UTF-8 bytes (give a library
 * `whsec_` + base64(secret), or its "raw" secret format). The payload is the request
 * body, or for GET the `x-interflow-context` header (GET has no body).
 */

export const WEBHOOK_ID_HEADER = 'webhook-id';
export const WEBHOOK_TIMESTAMP_HEADER = 'webhook-timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'webhook-signature';

export interface StandardWebhookHeaders {
  [WEBHOOK_ID_HEADER]: string;
  [WEBHOOK_TIMESTAMP_HEADER]: string;
  [WEBHOOK_SIGNATURE_HEADER]: string;
}

/** The HMAC key a secret stands for. */
export function standardWebhookKey(secret: string): Buffer {
  if (!secret) throw new Error('a signing secret is required');
  return secret.startsWith('whsec_') ? Buffer.from(secret.slice('whsec_'.length), 'base64') : Buffer.from(secret, 'utf8');
}

/** A fresh `whsec_` secret (24 random bytes), the form Standard Webhooks libraries expect. */
export function generateStandardWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(24).toString('base64')}`;
}

function sign(key: Buffer, id: string, timestampSeconds: number, payload: string): string {
  return crypto.createHmac('sha256', key).update(`${id}.${timestampSeconds}.${payload}`).digest('base64');
}

export function signStandardWebhook(secret: string, id: string, payload: string, now: Date = new Date()): StandardWebhookHeaders {
  const timestampSeconds = Math.floor(now.getTime() / 1000);
  return {
    [WEBHOOK_ID_HEADER]: id,
    [WEBHOOK_TIMESTAMP_HEADER]: String(timestampSeconds),
    [WEBHOOK_SIGNATURE_HEADER]: `v1,${sign(standardWebhookKey(secret), id, timestampSeconds, payload)}`,
  };
}

export interface VerifyStandardWebhookInput {
  secret: string;
  payload: string;
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  now?: Date;
  toleranceMs?: number;
}

/**
 * Checks a Standard Webhooks signature: any of the space-separated `v1,<sig>` entries
 * may match (a sender rotating secrets sends several), compared in constant time, and
 * the timestamp must be within the tolerance either way.
 */
export function verifyStandardWebhook(input: VerifyStandardWebhookInput): SignatureVerdict {
  const { id, timestamp, signature } = input;
  if (!id || !timestamp || !signature) {
    return { valid: false, reason: 'missing_headers', message: `${WEBHOOK_ID_HEADER}, ${WEBHOOK_TIMESTAMP_HEADER} and ${WEBHOOK_SIGNATURE_HEADER} are required` };
  }
  if (!/^\d{1,12}$/.test(timestamp)) return { valid: false, reason: 'malformed', message: `${WEBHOOK_TIMESTAMP_HEADER} must be Unix seconds` };
  const timestampSeconds = Number(timestamp);
  const toleranceMs = input.toleranceMs ?? DEFAULT_SIGNATURE_TOLERANCE_MS;
  if (Math.abs((input.now ?? new Date()).getTime() - timestampSeconds * 1000) > toleranceMs) {
    return { valid: false, reason: 'stale', message: `the request timestamp is more than ${toleranceMs} ms from now` };
  }
  const expected = Buffer.from(sign(standardWebhookKey(input.secret), id, timestampSeconds, input.payload), 'base64');
  const candidates = signature
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => Buffer.from(entry.slice(3), 'base64'));
  if (candidates.length === 0) return { valid: false, reason: 'malformed', message: `${WEBHOOK_SIGNATURE_HEADER} must hold 'v1,<base64>'` };
  const matches = candidates.some((given) => given.length === expected.length && crypto.timingSafeEqual(given, expected));
  return matches ? { valid: true } : { valid: false, reason: 'mismatch', message: 'the signature does not match the request' };
}
