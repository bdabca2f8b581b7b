import type { Request } from 'express';
import { ForbiddenError, UnauthorizedError } from '@interflow/core';
import { roleAtLeast, type Principal, type Role } from '@interflow/registry';

/**
 * The caller, who must hold at least `role` (admin ≥ operator ≥ viewer): 401 without a
 * token, 403 with a weaker one. Reads need viewer, changes and runs operator, tokens admin.
 */
export function requireRole(req: Request, role: Role): Principal {
  const principal = req.principal;
  if (!principal) throw new UnauthorizedError();
  if (principal.recipientId) {
    throw new ForbiddenError(`this token is bound to recipient '${principal.recipientId}': it reaches only that inbox (/v1/inbox)`);
  }
  if (!roleAtLeast(principal.role, role)) {
    throw new ForbiddenError(`this needs the ${role} role; the token has ${principal.role}`);
  }
  return principal;
}

/**
 * The recipient whose inbox the caller reads: only a token bound to a recipient has an
 * inbox (401 without a token, 403 for any other token).
 */
export function requireRecipient(req: Request): Principal & { recipientId: string } {
  const principal = req.principal;
  if (!principal) throw new UnauthorizedError();
  const recipientId = principal.recipientId;
  if (!recipientId) {
    throw new ForbiddenError('the inbox belongs to tokens bound to a recipient (create one with recipient_id)');
  }
  return { ...principal, recipientId };
}

/** For installation-wide changes (services, tokens, exchanges) a deployment-scoped token is not enough. */
export function requireUnscoped(principal: Principal, what: string): void {
  if (principal.deploymentScopes !== null) {
    throw new ForbiddenError(`${what} needs a token that is not limited to particular deployments`);
  }
}
