import type { NextFunction, Request, Response } from 'express';
import { UnauthorizedError, type Clock, type Sql } from '@interflow/core';
import { type Principal } from '@interflow/registry';
import { authenticateApiToken } from '../access/api-tokens';

declare module 'express-serve-static-core' {
  interface Request {
    /** The caller, when the request carried a valid bearer token. Check it with `requireRole`. */
    principal?: Principal;
  }
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Sets `req.principal` from `Authorization: Bearer <token>`. A request without the
 * header goes on anonymous (health and the OpenAPI document need no token; every other
 * handler calls `requireRole`). Webhooks are mounted before this and never see it: their
 * secret is their URL, and a caller's own Authorization header is none of our business.
 * A header that is present but wrong is refused here with 401, so a typo in a token
 * never silently downgrades to anonymous.
 */
export function authenticate(deps: { sql: Sql; clock: Clock }) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.header('authorization');
    if (header === undefined) return next();
    const match = BEARER.exec(header);
    if (!match?.[1]) throw new UnauthorizedError('the Authorization header must be "Bearer <token>"', 'invalid_request');
    const principal = await authenticateApiToken(deps.sql, match[1], deps.clock);
    if (!principal) throw new UnauthorizedError('the bearer token is unknown, revoked or expired', 'invalid_token');
    req.principal = principal;
    // 'principalId', not 'tokenId': the logger redacts every field whose name says token.
    req.log = req.log.child({ principalId: principal.tokenId });
    next();
  };
}
