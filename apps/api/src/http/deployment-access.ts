import type { Request } from 'express';
import { ForbiddenError, NotFoundError, type SqlExecutor } from '@interflow/core';
import {
  deploymentAllows,
  getDeployment,
  principalCoversDeployment,
  type Deployment,
  type DeploymentOperation,
  type Principal,
  type Role,
} from '@interflow/registry';
import { requireRole } from './authorize';

const ROLE_FOR: Record<DeploymentOperation, Role> = { read: 'viewer', run: 'operator', change: 'operator' };

/**
 * The deployment, if the caller may do `operation` on it: the route's role first (viewer
 * reads, operator runs and changes), then the token's deployment scopes and the
 * deployment's access rules. A deployment the caller may not even read answers 404, as
 * if it did not exist (as the thing asked for, `hiddenAs`: an action or run of such a
 * deployment is "not found" too); one it may read but not run or change answers 403.
 */
export async function requireDeploymentAccess(
  sql: SqlExecutor,
  req: Request,
  deploymentId: string,
  operation: DeploymentOperation,
  hiddenAs: { kind: string; id: string } = { kind: 'deployment', id: deploymentId },
): Promise<{ principal: Principal; deployment: Deployment }> {
  const principal = requireRole(req, ROLE_FOR[operation]);
  if (!principalCoversDeployment(principal, deploymentId)) throw new NotFoundError(hiddenAs.kind, hiddenAs.id);
  const deployment = await getDeployment(sql, deploymentId);
  if (!deploymentAllows(principal, deployment, 'read')) throw new NotFoundError(hiddenAs.kind, hiddenAs.id);
  if (!deploymentAllows(principal, deployment, operation)) {
    throw new ForbiddenError(`the access rules of deployment '${deployment.name}' do not let this token ${operation} it`);
  }
  return { principal, deployment };
}
