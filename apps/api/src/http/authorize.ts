import type { Request } from 'express';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '@interflow/core';
import { principalCoversDeployment, roleAtLeast, type Principal, type Role } from '@interflow/registry';

/**
 * The caller, who must hold at least `role` (admin ≥ operator ≥ viewer): 401 without a
 * token, 403 with a weaker one. Reads need viewer, changes and runs operator, tokens admin.
 */
export function requireRole(req: Request, role: Role): Principal {
  const principal = req.principal;
  if (!principal) throw new UnauthorizedError();
  if (!roleAtLeast(principal.role, role)) {
    throw new ForbiddenError(`this needs the ${role} role; the token has ${principal.role}`);
  }
  return principal;
}

/**
 * Refuses a deployment outside a scoped token's deployments with the same 404 as a
 * missing one: a scoped token cannot even learn that other deployments exist.
 */
export function requireDeploymentInScope(principal: Principal, deploymentId: string): void {
  if (!principalCoversDeployment(principal, deploymentId)) throw new NotFoundError('deployment', deploymentId);
}

/** For installation-wide changes (services, tokens, exchanges) a deployment-scoped token is not enough. */
export function requireUnscoped(principal: Principal, what: string): void {
  if (principal.deploymentScopes !== null) {
    throw new ForbiddenError(`${what} needs a token that is not limited to particular deployments`);
  }
}
