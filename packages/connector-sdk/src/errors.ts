/**
 * What a handler throws to tell the runner what to do next. The SDK turns each into the
 * status code the runner acts on:
 * - PermanentError → a 4xx (default 422): retrying cannot help, the message is
 *   dead-lettered with the response as reason;
 * - RetryableError → a 5xx (default 502): retried with the action's backoff;
 * - RateLimitedError → 429 with Retry-After: retried after that delay without using up
 *   an attempt.
 * Anything else a handler throws is a 500 (retried), answered without internals.
 */
export abstract class ConnectorError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;

  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class PermanentError extends ConnectorError {
  readonly code = 'permanent';
  readonly status: number;

  constructor(message: string, options: { status?: number; details?: unknown } = {}) {
    super(message, options.details);
    const status = options.status ?? 422;
    if (status < 400 || status > 499 || status === 429) throw new Error(`a PermanentError status is a 4xx other than 429, got ${status}`);
    this.status = status;
  }
}

export class RetryableError extends ConnectorError {
  readonly code = 'retryable';
  readonly status: number;

  constructor(message: string, options: { status?: number; details?: unknown } = {}) {
    super(message, options.details);
    const status = options.status ?? 502;
    if (status < 500 || status > 599) throw new Error(`a RetryableError status is a 5xx, got ${status}`);
    this.status = status;
  }
}

export class RateLimitedError extends ConnectorError {
  readonly code = 'rate_limited';
  readonly status = 429;

  constructor(
    message: string,
    /** How long the caller should wait before the next try. */
    readonly retryAfterMs: number,
    details?: unknown,
  ) {
    super(message, details);
  }
}
