import type { Request } from 'express';

/** The request's `If-Match` (the ETag the client last read), if it sent one. */
export function ifMatchOf(req: Request): string | undefined {
  return req.header('if-match') ?? undefined;
}
