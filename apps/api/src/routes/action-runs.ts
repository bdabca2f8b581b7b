import { Router, type Request, type Response } from 'express';
import { findActionByWebhookSecret, getAction, NotFoundError, ValidationError, type Sql } from '@interflow/core';
import { requireRole } from '../http/authorize';
import { requireDeploymentAccess } from '../http/deployment-access';
import { idParams, parseBody, parseParams, parseQuery } from '../http/validate';
import { runToJson } from '../schemas/runs';
import { idempotencyKeyHeader, triggerBody, triggerQuery, webhookBody, webhookParams } from '../schemas/triggering';
import { runIsFinished, triggerRun, type TriggerDependencies, type TriggerOutcome } from '../triggering/trigger-run';

function idempotencyKeyOf(req: Request): string | undefined {
  const parsed = idempotencyKeyHeader.safeParse(req.header('idempotency-key'));
  if (parsed.success) return parsed.data;
  throw new ValidationError('invalid Idempotency-Key header', [{ field: 'Idempotency-Key', message: parsed.error.issues[0]?.message ?? 'invalid' }]);
}

/** 200 with the run once it ended (or came from the cache), else 202: it is queued or running. */
function answer(res: Response, outcome: TriggerOutcome): void {
  const { run } = outcome;
  res.status(runIsFinished(run) ? 200 : 202).location(`/v1/runs/${run.id}`);
  if (outcome.replayed) res.setHeader('idempotent-replayed', 'true');
  res.json(runToJson(run));
}

/**
 * Triggering: `POST /v1/actions/:id/runs` with a token (run access to the deployment),
 * and `POST /v1/hooks/:secret`, the action's secret webhook URL, with none.
 */
export function actionRunRoutes(deps: TriggerDependencies & { sql: Sql }): Router {
  const router = Router();

  router.post('/v1/actions/:id/runs', async (req, res) => {
    requireRole(req, 'viewer');
    const { id } = parseParams(idParams, req);
    const action = await getAction(deps.sql, id);
    const { principal } = await requireDeploymentAccess(deps.sql, req, action.deploymentId, 'run', { kind: 'action', id });
    const { wait } = parseQuery(triggerQuery, req);
    const body = parseBody(triggerBody, req);
    const outcome = await triggerRun(deps, {
      action,
      input: body.input,
      trigger: 'api',
      triggeredBy: `token:${principal.tokenId}`,
      idempotencyKey: idempotencyKeyOf(req),
      waitMs: Math.round(wait * 1000),
      log: req.log,
    });
    answer(res, outcome);
  });

  router.post('/v1/hooks/:secret', async (req, res) => {
    const params = webhookParams.safeParse(req.params);
    const action = params.success ? await findActionByWebhookSecret(deps.sql, params.data.secret) : null;
    // The same answer for a malformed and an unknown secret: nothing to learn by probing.
    if (!action) throw new NotFoundError('webhook', '(this address)');
    const { wait } = parseQuery(triggerQuery, req);
    const input = parseBody(webhookBody, req);
    const outcome = await triggerRun(deps, {
      action,
      input,
      trigger: 'webhook',
      triggeredBy: 'webhook',
      idempotencyKey: idempotencyKeyOf(req),
      waitMs: Math.round(wait * 1000),
      log: req.log,
    });
    answer(res, outcome);
  });

  return router;
}
