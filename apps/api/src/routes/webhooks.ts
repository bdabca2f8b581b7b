import { Router } from 'express';
import { NotFoundError } from '@interflow/core';
import { answerTrigger, idempotencyKeyOf } from '../http/trigger-answer';
import { parseBody, parseQuery } from '../http/validate';
import { triggerQuery, webhookBody, webhookParams } from '../schemas/triggering';
import { triggerRun, type TriggerDependencies } from '../triggering/trigger-run';
import type { WebhookTargetReader } from '../triggering/webhook-target-reader';

/**
 * `POST /v1/hooks/:secret`, the action's secret webhook URL. Mounted before token
 * authentication: the secret in the URL is the credential, so an Authorization header
 * the caller sends for its own reasons (Basic auth many senders add) is ignored.
 */
export function webhookRoutes(deps: TriggerDependencies & { webhookTargets: WebhookTargetReader }): Router {
  const router = Router();

  router.post('/v1/hooks/:secret', async (req, res) => {
    const params = webhookParams.safeParse(req.params);
    // The action and its method in one read, shared with the webhooks arriving alongside.
    const target = params.success ? await deps.webhookTargets.find(params.data.secret) : null;
    // The same answer for a malformed and an unknown secret: nothing to learn by probing.
    if (!target) throw new NotFoundError('webhook', '(this address)');
    const { wait } = parseQuery(triggerQuery, req);
    const input = parseBody(webhookBody, req);
    const outcome = await triggerRun(deps, {
      action: target.action,
      method: target.method,
      input,
      trigger: 'webhook',
      triggeredBy: 'webhook',
      idempotencyKey: idempotencyKeyOf(req),
      waitMs: Math.round(wait * 1000),
      log: req.log,
    });
    answerTrigger(res, outcome);
  });

  return router;
}
