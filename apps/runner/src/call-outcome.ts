import { parseRetryAfter } from './retry-after';

/**
 * What one call to a connector came to, and so what the runner does next:
 * - succeeded: 2xx — store the response, reply, publish the result, ack;
 * - come_back_later: 429, or 503 with Retry-After — retry after that delay, the
 *   attempt not counted;
 * - transient: other 5xx, timeouts, refused connections — retry with backoff up to
 *   the action's policy, then dead-letter;
 * - permanent: any other status (4xx, 3xx, 1xx), or a request that cannot be made
 *   at all (no status: e.g. the input lacks a path parameter, or the outbound policy
 *   refuses the destination) — dead-letter at once with the response or the problem
 *   as reason.
 */
export type CallOutcome =
  | { kind: 'succeeded'; status: number; body: unknown }
  | { kind: 'come_back_later'; status: number; body: unknown; retryAfterMs: number }
  | { kind: 'transient'; status: number | null; body: unknown; error: string }
  | { kind: 'permanent'; status: number | null; body: unknown; error: string };

/** Used when a 429 says no Retry-After: wait a little rather than hammer. */
export const DEFAULT_RETRY_AFTER_MS = 1_000;

export function classifyResponse(status: number, retryAfterHeader: string | null, body: unknown, now: Date): CallOutcome {
  if (status >= 200 && status <= 299) return { kind: 'succeeded', status, body };
  const retryAfterMs = parseRetryAfter(retryAfterHeader, now);
  if (status === 429) return { kind: 'come_back_later', status, body, retryAfterMs: retryAfterMs ?? DEFAULT_RETRY_AFTER_MS };
  if (status === 503 && retryAfterMs !== null) return { kind: 'come_back_later', status, body, retryAfterMs };
  if (status >= 500) return { kind: 'transient', status, body, error: `the connector answered ${status}${describeBody(body)}` };
  return { kind: 'permanent', status, body, error: `the connector answered ${status}${describeBody(body)}` };
}

/** The request could not be made from this input (a path parameter missing…): no retry can help. */
export function unsendableRequest(problem: string): CallOutcome {
  return { kind: 'permanent', status: null, body: null, error: `the request could not be made: ${problem}` };
}

/** A network failure or timeout: no response at all. */
export function transportFailure(error: unknown, timedOut: boolean, timeoutMs: number): CallOutcome {
  const reason = timedOut
    ? `the connector did not answer within ${timeoutMs} ms`
    : `the connector could not be reached: ${describeError(error)}`;
  return { kind: 'transient', status: null, body: null, error: reason };
}

/** The outbound policy refused the connector's address: retrying cannot help until an operator allows it. */
export function refusedDestination(reason: string): CallOutcome {
  return { kind: 'permanent', status: null, body: null, error: reason };
}

function describeBody(body: unknown): string {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  if (typeof message === 'string') return `: ${message}`;
  if (typeof body === 'string' && body) return `: ${body.slice(0, 200)}`;
  return '';
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    // fetch wraps the network's error as its cause; undici's request rejects with it directly.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? (error as { code?: string }).code ?? error.message;
  }
  return String(error);
}
