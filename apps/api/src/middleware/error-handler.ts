import type { NextFunction, Request, Response } from 'express';
import { describeError, InterflowError, isDatabaseUnavailable, UnauthorizedError, type Logger } from '@interflow/core';
import { bearerChallenge } from '../http/bearer-challenge';
import { loggablePath } from './request-context';

/** The one error shape of the api: `{"error": {"code", "message", "details"}}`, details at least `{}`. */
export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

export function sendError(res: Response, status: number, code: string, message: string, details?: unknown): void {
  const body: ErrorBody = { error: { code, message, details: details ?? {} } };
  res.status(status).json(body);
}

/** Statuses that mean "the request itself was malformed": logged once, at warn, without a stack. */
const REFUSED_INPUT = new Set([400, 413, 415]);

/** A PostgreSQL error as the `postgres` client throws it: `code` is the SQLSTATE. */
function sqlState(error: unknown): string | null {
  const candidate = error as { name?: unknown; code?: unknown };
  return candidate?.name === 'PostgresError' && typeof candidate.code === 'string' ? candidate.code : null;
}

/** An http-errors error (express's router, body-parser) that is the client's fault. */
function clientHttpStatus(error: unknown): number | null {
  const status = (error as { status?: unknown; expose?: unknown })?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

function truncated(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** What a client is told to wait while the database is down or restarting. */
const DATABASE_RETRY_AFTER_SECONDS = 2;

/**
 * Maps every thrown error to the error shape, once. InterflowErrors say their own status
 * (a 401 gets its Bearer challenge); a PostgreSQL data exception (SQLSTATE class 22: a
 * value the database cannot hold) is the client's 400, a second wall behind the edge
 * checks; other client errors of express's own parts keep their 4xx. Refused input is
 * logged as one warn line without a stack, so hostile clients cannot flood the logs with
 * stacks. A lost database connection is a 503 with Retry-After. Anything else is a 500, logged in full and answered without internals.
 */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const log = req.log ?? logger;
    const refused = (status: number, code: string, message: string, fields: Record<string, unknown> = {}) => {
      if (REFUSED_INPUT.has(status)) {
        log.warn('request refused', { status, code, reason: truncated(message), method: req.method, path: loggablePath(req.path), ...fields });
      }
    };
    if (error instanceof InterflowError) {
      if (error.httpStatus >= 500) log.error(error.message, { code: error.code });
      else refused(error.httpStatus, error.code, error.message);
      if (error instanceof UnauthorizedError) res.setHeader('WWW-Authenticate', bearerChallenge(error.bearerError, error.message));
      return sendError(res, error.httpStatus, error.code, error.message, error.details);
    }
    const state = sqlState(error);
    if (state?.startsWith('22')) {
      const message = 'a value in the request cannot be stored by the database';
      refused(400, 'invalid_value', message, { sqlState: state });
      return sendError(res, 400, 'invalid_value', message, { sql_state: state });
    }
    const clientStatus = clientHttpStatus(error);
    if (clientStatus !== null) {
      const message = 'the request is malformed';
      refused(clientStatus, 'bad_request', message);
      return sendError(res, clientStatus, 'bad_request', message);
    }
    if (isDatabaseUnavailable(error)) {
      // Down or restarting: the same request may well succeed in a moment, so say when to retry.
      log.warn('database unavailable', { error: describeError(error), method: req.method, path: loggablePath(req.path) });
      res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      return sendError(res, 503, 'database_unavailable', 'the database is unavailable right now; retry the request', {
        retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      });
    }
    log.error('unhandled error', { error, method: req.method, path: loggablePath(req.path) });
    return sendError(res, 500, 'internal', 'internal error; see the api logs with this request id', {
      requestId: req.requestId,
    });
  };
}

/** Any route nobody matched. */
export function notFoundHandler(req: Request, res: Response): void {
  sendError(res, 404, 'route_not_found', `no route ${req.method} ${req.path}`);
}
