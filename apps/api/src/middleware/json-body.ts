import express, { type NextFunction, type Request, type Response } from 'express';
import { bodyReadError, parseJsonBody, unsupportedMediaType } from '../http/json-body';

/** The methods whose body the api reads; a body on any other is ignored, as HTTP allows. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** A body is present when it is chunked or its Content-Length is above zero. */
function carriesBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = req.headers['content-length'];
  return length !== undefined && length !== '0';
}

/**
 * Reads every POST, PUT and PATCH body as JSON, for every route (webhooks included), so
 * no route can store what it could not read: a body in another media type or charset is
 * 415, an unknown Content-Encoding 415, one over `limit` (measured after inflating) 413,
 * corrupt compression, bytes that are not UTF-8 or text that is not JSON 400, and so is
 * any value PostgreSQL could not hold (NUL, lone surrogates, Infinity, deep nesting),
 * naming the field. Sets `req.body` to the parsed value, or leaves it undefined without a body.
 */
export function jsonBody(options: { limit: string }) {
  // body-parser's raw reader: inflates gzip/deflate/br, enforces the limit on the inflated size.
  const readRaw = express.raw({ type: () => true, limit: options.limit, inflate: true });
  return (req: Request, res: Response, next: NextFunction) => {
    req.body = undefined;
    if (!BODY_METHODS.has(req.method) || !carriesBody(req)) return next();
    const refused = unsupportedMediaType(req.headers['content-type']);
    if (refused) return next(refused);
    const contentEncoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    readRaw(req, res, (error?: unknown) => {
      if (error) return next(bodyReadError(error, contentEncoding));
      try {
        req.body = Buffer.isBuffer(req.body) ? parseJsonBody(req.body) : undefined;
      } catch (parseError) {
        return next(parseError);
      }
      next();
    });
  };
}
