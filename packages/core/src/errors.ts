/**
 * The error family every part of Interflow speaks. An `InterflowError` carries a stable
 * machine `code`, the HTTP status the api answers with, and optional `details` (for a
 * validation error: which fields are wrong). HTTP mapping happens once, in the api's
 * error middleware, from these fields.
 */
export class InterflowError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The request is malformed: a field is missing, of the wrong type or out of range. */
export class ValidationError extends InterflowError {
  constructor(message: string, details?: unknown) {
    super('validation_failed', message, 400, details);
  }
}

/**
 * No valid credentials. `bearerError` is the RFC 6750 error code for the
 * `WWW-Authenticate` challenge: absent when no credentials were sent at all,
 * `invalid_request` for a malformed Authorization header, `invalid_token` for a token
 * that is unknown, revoked or expired.
 */
export class UnauthorizedError extends InterflowError {
  constructor(
    message = 'a valid bearer token is required',
    readonly bearerError?: 'invalid_request' | 'invalid_token',
  ) {
    super('unauthorized', message, 401);
  }
}

export class ForbiddenError extends InterflowError {
  constructor(message: string) {
    super('forbidden', message, 403);
  }
}

export class NotFoundError extends InterflowError {
  constructor(kind: string, id: string) {
    super('not_found', `${kind} '${id}' does not exist`, 404, { kind, id });
  }
}

/** The request conflicts with the current state (a name taken, a row still in use). */
export class ConflictError extends InterflowError {
  constructor(message: string, details?: unknown) {
    super('conflict', message, 409, details);
  }
}

/** An `If-Match` precondition did not hold: the caller's copy is stale. */
export class PreconditionFailedError extends InterflowError {
  constructor(message = 'the resource changed since it was read (If-Match does not match)') {
    super('precondition_failed', message, 412);
  }
}

/**
 * The request cannot even be read: a body that is not JSON or not UTF-8, a corrupt
 * compressed body, malformed percent-encoding. `code` says which (`invalid_json`,
 * `invalid_encoding`, `malformed_path`, `malformed_query`).
 */
export class MalformedRequestError extends InterflowError {
  constructor(code: string, message: string, details: unknown = {}) {
    super(code, message, 400, details);
  }
}

/** The request body is larger than the configured limit. */
export class PayloadTooLargeError extends InterflowError {
  constructor(limitBytes: number) {
    super('payload_too_large', `the request body exceeds the ${limitBytes} bytes limit`, 413, { limit_bytes: limitBytes });
  }
}

/**
 * The body comes in a form the api does not read: another media type or charset
 * (`unsupported_media_type`), or a Content-Encoding it cannot decode (`unsupported_encoding`).
 */
export class UnsupportedMediaTypeError extends InterflowError {
  constructor(code: 'unsupported_media_type' | 'unsupported_encoding', message: string, details: unknown = {}) {
    super(code, message, 415, details);
  }
}

/** A limit was hit (queue full with overflow=reject_publish, rate limit at the edge). */
export class LimitExceededError extends InterflowError {
  constructor(message: string, details?: unknown) {
    super('limit_exceeded', message, 429, details);
  }
}

/** The daemon is not able to serve right now (database down, shutting down). */
export class UnavailableError extends InterflowError {
  constructor(message: string) {
    super('unavailable', message, 503);
  }
}

/** Invalid process configuration; `problems` names each bad environment variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

// ---- outcomes of executing work (what the runner acts on) ----

/** Retrying cannot help (a 4xx from a connector, invalid input): reject to dead letters. */
export class PermanentError extends Error {
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'PermanentError';
  }
}

/** A transient failure (5xx, timeout, refused connection): retry with backoff. */
export class RetryableError extends Error {
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'RetryableError';
  }
}

/**
 * The other side asked us to come back later (429/503 with Retry-After). The retry does
 * not use up an attempt.
 */
export class RateLimitedError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'RateLimitedError';
  }
}
