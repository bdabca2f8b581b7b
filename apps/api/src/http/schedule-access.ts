import type { Request } from 'express';
import { NotFoundError, type Sql } from '@interflow/core';
import { getAction, type Principal, type ScheduleTarget } from '@interflow/registry';
import { requireUnscoped } from './authorize';
import { requireDeploymentAccess } from './deployment-access';

/**
 * Whether the caller may `read` a schedule or make it `run` (create, change, delete it:
 * a schedule is a standing trigger). An action's schedule needs that access to the
 * action's deployment (`run` for changes, as triggering it by hand would); one the caller
 * may not read answers 404 as `hiddenAs`. An exchange's schedule publishes into
 * installation-wide topology, so it needs a token not limited to deployments, as the
 * queue API does; so does a schedule whose action is gone.
 */
export async function requireScheduleTargetAccess(
  sql: Sql,
  req: Request,
  principal: Principal,
  target: ScheduleTarget,
  operation: 'read' | 'run',
  hiddenAs: { kind: string; id: string },
): Promise<void> {
  if (target.type === 'exchange') {
    if (principal.deploymentScopes !== null && operation === 'read') throw new NotFoundError(hiddenAs.kind, hiddenAs.id);
    requireUnscoped(principal, 'a schedule that publishes to an exchange');
    return;
  }
  const action = await getAction(sql, target.actionId).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (!action) {
    if (principal.deploymentScopes !== null) throw new NotFoundError(hiddenAs.kind, hiddenAs.id);
    return; // the target check reports a missing action to an unscoped caller
  }
  await requireDeploymentAccess(sql, req, action.deploymentId, operation, hiddenAs);
}
