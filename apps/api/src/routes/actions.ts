import { Router, type Request } from 'express';
import { ValidationError, type Sql } from '@interflow/core';
import {
  createAction,
  deleteAction,
  disableActionWebhook,
  getAction,
  listActions,
  rotateActionWebhook,
  updateAction,
} from '@interflow/registry';
import { missingAddressees } from '@interflow/notifications';
import { requireRole, requireUnscoped } from '../http/authorize';
import { requireDeploymentAccess } from '../http/deployment-access';
import { ifMatchOf } from '../http/if-match';
import { decodeCursor, toPageBody } from '../http/pagination';
import { idParams, parseBody, parseParams, parseQuery } from '../http/validate';
import { actionToJson, createActionBody, listActionsQuery, updateActionBody, webhookToJson } from '../schemas/actions';

/** Where the caller reached us, for absolute webhook URLs. */
function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/**
 * `/v1/actions`: `deployment : service.method` with defaults. Reading needs read access
 * to the deployment, changing needs change access (to the target deployment as well when
 * an action moves).
 */
export function actionRoutes(deps: {
  sql: Sql;
  ensureQueue(name: string): Promise<void>;
  exchangeExists(name: string): Promise<boolean>;
}): Router {
  const router = Router();

  /** A result route must name an exchange that exists, or results would be dropped at the first run. */
  const assertResultRoute = async (route: { exchange: string } | null | undefined) => {
    if (!route || route.exchange === '' || (await deps.exchangeExists(route.exchange))) return;
    throw new ValidationError(`no exchange named '${route.exchange}'`, [
      { field: 'result_route.exchange', message: `no exchange named '${route.exchange}'; declare it first` },
    ]);
  };

  /**
   * Notification rules reach people of the whole installation: setting them needs an
   * unscoped token, and every recipient and group they name must exist.
   */
  const assertNotificationRules = async (
    req: Request,
    rules: { notify: { recipients: string[]; groups: string[] } }[] | undefined,
  ) => {
    if (rules === undefined) return;
    requireUnscoped(requireRole(req, 'operator'), 'setting notification rules');
    const problems = [];
    for (const [index, rule] of rules.entries()) {
      const missing = await missingAddressees(deps.sql, { recipientIds: rule.notify.recipients, groupIds: rule.notify.groups });
      problems.push(...missing.map((problem) => ({ field: `notification_rules.${index}.notify.${problem.field}`, message: problem.message })));
    }
    if (problems.length > 0) throw new ValidationError(problems.map((p) => p.message).join('; '), problems);
  };

  router.post('/v1/actions', async (req, res) => {
    requireRole(req, 'operator');
    const body = parseBody(createActionBody, req);
    await requireDeploymentAccess(deps.sql, req, body.deployment_id, 'change');
    await assertResultRoute(body.result_route);
    await assertNotificationRules(req, body.notification_rules);
    const { action, webhookSecret } = await createAction(deps.sql, {
      name: body.name,
      description: body.description ?? null,
      deploymentId: body.deployment_id,
      method: body.method,
      defaultInput: body.default_input,
      timeoutMs: body.timeout_ms,
      retryPolicy: body.retry_policy,
      cacheTtlMs: body.cache_ttl_ms ?? null,
      resultRoute: body.result_route ?? null,
      queue: body.queue,
      poller: body.poller ?? null,
      notificationRules: body.notification_rules,
    });
    await deps.ensureQueue(action.queue);
    req.log.info('action created', { actionId: action.id, deploymentId: action.deploymentId });
    res
      .status(201)
      .location(`/v1/actions/${action.id}`)
      .json({ ...actionToJson(action), ...webhookToJson(webhookSecret, originOf(req)) });
  });

  router.get('/v1/actions', async (req, res) => {
    const principal = requireRole(req, 'viewer');
    const query = parseQuery(listActionsQuery, req);
    const page = await listActions(deps.sql, principal, {
      limit: query.limit,
      after: decodeCursor(query.cursor),
      deploymentId: query.deployment_id,
    });
    res.json(toPageBody(page, actionToJson));
  });

  router.get('/v1/actions/:id', async (req, res) => {
    requireRole(req, 'viewer');
    const { id } = parseParams(idParams, req);
    const action = await getAction(deps.sql, id);
    await requireDeploymentAccess(deps.sql, req, action.deploymentId, 'read', { kind: 'action', id });
    res.setHeader('etag', action.etag).json(actionToJson(action));
  });

  router.patch('/v1/actions/:id', async (req, res) => {
    requireRole(req, 'operator');
    const { id } = parseParams(idParams, req);
    const current = await getAction(deps.sql, id);
    await requireDeploymentAccess(deps.sql, req, current.deploymentId, 'change', { kind: 'action', id });
    const body = parseBody(updateActionBody, req);
    if (body.deployment_id && body.deployment_id !== current.deploymentId) {
      await requireDeploymentAccess(deps.sql, req, body.deployment_id, 'change');
    }
    await assertResultRoute(body.result_route);
    await assertNotificationRules(req, body.notification_rules);
    const action = await updateAction(
      deps.sql,
      id,
      {
        name: body.name,
        description: body.description,
        deploymentId: body.deployment_id,
        method: body.method,
        defaultInput: body.default_input,
        timeoutMs: body.timeout_ms,
        retryPolicy: body.retry_policy,
        cacheTtlMs: body.cache_ttl_ms,
        resultRoute: body.result_route,
        queue: body.queue,
        poller: body.poller,
        notificationRules: body.notification_rules,
      },
      ifMatchOf(req),
    );
    if (action.queue !== current.queue) await deps.ensureQueue(action.queue);
    req.log.info('action updated', { actionId: id });
    res.setHeader('etag', action.etag).json(actionToJson(action));
  });

  router.delete('/v1/actions/:id', async (req, res) => {
    requireRole(req, 'operator');
    const { id } = parseParams(idParams, req);
    const action = await getAction(deps.sql, id);
    await requireDeploymentAccess(deps.sql, req, action.deploymentId, 'change', { kind: 'action', id });
    await deleteAction(deps.sql, id, ifMatchOf(req));
    req.log.info('action deleted', { actionId: id });
    res.status(204).end();
  });

  router.post('/v1/actions/:id/webhook', async (req, res) => {
    requireRole(req, 'operator');
    const { id } = parseParams(idParams, req);
    const action = await getAction(deps.sql, id);
    await requireDeploymentAccess(deps.sql, req, action.deploymentId, 'change', { kind: 'action', id });
    const secret = await rotateActionWebhook(deps.sql, id);
    req.log.info('action webhook rotated', { actionId: id });
    res.json(webhookToJson(secret, originOf(req)));
  });

  router.delete('/v1/actions/:id/webhook', async (req, res) => {
    requireRole(req, 'operator');
    const { id } = parseParams(idParams, req);
    const action = await getAction(deps.sql, id);
    await requireDeploymentAccess(deps.sql, req, action.deploymentId, 'change', { kind: 'action', id });
    await disableActionWebhook(deps.sql, id);
    req.log.info('action webhook disabled', { actionId: id });
    res.status(204).end();
  });

  return router;
}
