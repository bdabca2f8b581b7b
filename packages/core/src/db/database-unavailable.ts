/**
 * Errors that mean "the database cannot be reached or is restarting", as opposed to a
 * bad statement or a constraint: the same request may well succeed in a few seconds,
 * so the api answers 503 with Retry-After instead of 500.
 */

/** Codes of the `postgres` client and of Node's sockets when there is no usable connection. */
const CLIENT_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs the server sends while it cannot serve: class 08 (connection exception),
 * 57P01–57P03 (shutting down, crashed, still starting), 53300 (no connection slot left).
 */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

/** True when `error` (or an error it wraps as `cause`) says the database is unavailable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (CLIENT_CODES.has(code) || SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) {
      return true;
    }
    if (current instanceof AggregateError && current.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
