import type { NextFunction, Request, Response } from 'express';
import { pathProblem, queryProblem } from '../http/request-line';

/**
 * Refuses, before any route runs, a path or query string the routes could not read
 * faithfully: malformed percent-encoding (400 `malformed_path` / `malformed_query`) or a
 * value decoding to NUL (400 naming the parameter). One check for every route, present
 * and future.
 */
export function requestLineGuard() {
  return (req: Request, _res: Response, next: NextFunction) => {
    const url = req.originalUrl;
    const queryStart = url.indexOf('?');
    const problem = pathProblem(req.path) ?? (queryStart < 0 ? null : queryProblem(url.slice(queryStart + 1)));
    next(problem ?? undefined);
  };
}
