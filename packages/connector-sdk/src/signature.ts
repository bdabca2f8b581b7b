import crypto from 'node:crypto';

/**
 * The request signature between the runner and a connector: HMAC-SHA256 with the
 * service's signing secret over `<timestamp>.<payload>`, where the timestamp is Unix
 * seconds and the payload the exact bytes of the signed content (the request body, or
 * the context header for GET). The timestamp makes a captured request useless after the
 * tolerance window; signing it stops anyone from refreshing it.
 *
 * This is the one implementation: the runner signs with `signPayload`, the SDK verifies
 * with `verifySignature`.
 */

export const TIMESTAMP_HEADER = 'x-interflow-timestamp';
export const SIGNATURE_HEADER = 'x-interflow-signature';
/** Versioned so the scheme can change without breaking connectors that verify v1. */
export const SIGNATURE_VERSION = 'v1';
/** How far a request's timestamp may be from the connector's clock, either way. */
export const DEFAULT_SIGNATURE_TOLERANCE_MS = 5 * 60_000;

export interface SignatureHeaders {
  [TIMESTAMP_HEADER]: string;
  [SIGNATURE_HEADER]: string;
}

function hmacHex(secret: string, timestampSeconds: number, payload: string): string {
  return crypto.createHmac('sha256', secret).update(`${timestampSeconds}.${payload}`).digest('hex');
}

/** The two headers that sign `payload` at `now`. */
export function signPayload(secret: string, payload: string, now: Date = new Date()): SignatureHeaders {
  if (!secret) throw new Error('a signing secret is required');
  const timestampSeconds = Math.floor(now.getTime() / 1000);
  return {
    [TIMESTAMP_HEADER]: String(timestampSeconds),
    [SIGNATURE_HEADER]: `${SIGNATURE_VERSION}=${hmacHex(secret, timestampSeconds, payload)}`,
  };
}

export type SignatureVerdict =
  | { valid: true }
  | { valid: false; reason: 'missing_headers' | 'malformed' | 'stale' | 'mismatch'; message: string };

export interface VerifySignatureInput {
  secret: string;
  payload: string;
  timestampHeader: string | undefined;
  signatureHeader: string | undefined;
  now?: Date;
  toleranceMs?: number;
}

/**
 * Checks a request's signature and freshness. Compares in constant time, and says why a
 * request was refused so the connector can answer with a useful 401.
 */
export function verifySignature(input: VerifySignatureInput): SignatureVerdict {
  const { timestampHeader, signatureHeader } = input;
  if (!timestampHeader || !signatureHeader) {
    return { valid: false, reason: 'missing_headers', message: `${TIMESTAMP_HEADER} and ${SIGNATURE_HEADER} are required` };
  }
  if (!/^\d{1,12}$/.test(timestampHeader)) {
    return { valid: false, reason: 'malformed', message: `${TIMESTAMP_HEADER} must be Unix seconds` };
  }
  const prefix = `${SIGNATURE_VERSION}=`;
  const signatureHex = signatureHeader.startsWith(prefix) ? signatureHeader.slice(prefix.length) : '';
  if (!/^[0-9a-f]{64}$/.test(signatureHex)) {
    return { valid: false, reason: 'malformed', message: `${SIGNATURE_HEADER} must be '${prefix}<64 hex digits>'` };
  }
  const timestampSeconds = Number(timestampHeader);
  const nowMs = (input.now ?? new Date()).getTime();
  const toleranceMs = input.toleranceMs ?? DEFAULT_SIGNATURE_TOLERANCE_MS;
  if (Math.abs(nowMs - timestampSeconds * 1000) > toleranceMs) {
    return { valid: false, reason: 'stale', message: `the request timestamp is more than ${toleranceMs} ms from now` };
  }
  const expected = Buffer.from(hmacHex(input.secret, timestampSeconds, input.payload), 'hex');
  const given = Buffer.from(signatureHex, 'hex');
  if (!crypto.timingSafeEqual(expected, given)) {
    return { valid: false, reason: 'mismatch', message: 'the signature does not match the request' };
  }
  return { valid: true };
}
