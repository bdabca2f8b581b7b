import type { NextFunction, Request, Response } from 'express';
import { InterflowError, type Logger } from '@interflow/core';
import { loggablePath } from './request-context';

/** The one error shape of the api: `{"error": {"code", "message", "details"}}`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function sendError(res: Response, status: number, code: string, message: string, details?: unknown): void {
  const body: ErrorBody = { error: { code, message, ...(details === undefined ? {} : { details }) } };
  res.status(status).json(body);
}

/** Express's own body-parser errors carry a `type` and a `status`. */
interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

/**
 * Maps every thrown error to the error shape, once. InterflowErrors say their own status;
 * body-parser failures become 400/413; anything else is a 500 that is logged in full and
 * answered without internals.
 */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const log = req.log ?? logger;
    if (error instanceof InterflowError) {
      if (error.httpStatus >= 500) log.error(error.message, { code: error.code });
      return sendError(res, error.httpStatus, error.code, error.message, error.details);
    }
    const parserError = error as BodyParserError;
    if (parserError.type === 'entity.parse.failed') {
      return sendError(res, 400, 'invalid_json', 'the request body is not valid JSON');
    }
    if (parserError.type === 'entity.too.large') {
      return sendError(res, 413, 'payload_too_large', `the request body exceeds ${parserError.limit ?? 'the'} bytes limit`);
    }
    if (parserError.type === 'encoding.unsupported' || parserError.type === 'charset.unsupported') {
      return sendError(res, 415, 'unsupported_encoding', 'the request body encoding is not supported');
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
