import { Router } from 'express';
import { type Sql } from '@interflow/core';
import { findActionTarget } from '@interflow/registry';
import { requireRole } from '../http/authorize';
import { requireDeploymentAccess } from '../http/deployment-access';
import { answerTrigger, idempotencyKeyOf } from '../http/trigger-answer';
import { idParams, parseBody, parseParams, parseQuery } from '../http/validate';
import { triggerBody, triggerQuery } from '../schemas/triggering';
import { triggerRun, type TriggerDependencies } from '../triggering/trigger-run';

/**
 * Triggering with a token: `POST /v1/actions/:id/runs` (run access to the deployment).
 * The secret webhook URL, which needs none, is in webhooks.ts.
 */
export function actionRunRoutes(deps: TriggerDependencies & { sql: Sql }): Router {
  const router = Router();

  router.post('/v1/actions/:id/runs', async (req, res) => {
    requireRole(req, 'viewer');
    const { id } = parseParams(idParams, req);
    // The action and its method in one read, as the webhook's; the method is checked after access and input.
    const { action, method } = await findActionTarget(deps.sql, id);
    const { principal } = await requireDeploymentAccess(deps.sql, req, action.deploymentId, 'run', { kind: 'action', id });
    const { wait } = parseQuery(triggerQuery, req);
    const body = parseBody(triggerBody, req);
    const idempotencyKey = idempotencyKeyOf(req);
    const outcome = await triggerRun(deps, {
      action,
      method: method(),
      input: body.input,
      trigger: 'api',
      triggeredBy: `token:${principal.tokenId}`,
      idempotencyKey,
      waitMs: Math.round(wait * 1000),
      log: req.log,
    });
    answerTrigger(res, outcome);
  });

  return router;
}
