import { Router } from 'express';
import { type Broker } from '@interflow/broker';
import { NotFoundError, type Sql } from '@interflow/core';
import {
  createActionSubscription,
  deleteActionSubscription,
  getAction,
  getActionSubscription,
  listActionSubscriptions,
  type ActionSubscriptionFields,
  type ItemChangeKind,
} from '@interflow/registry';
import { requireRole } from '../http/authorize';
import { requireDeploymentAccess } from '../http/deployment-access';
import { decodeCursor, toPageBody } from '../http/pagination';
import { idParams, parseBody, parseParams, parseQuery } from '../http/validate';
import {
  createSubscriptionBody,
  listSubscriptionsQuery,
  subscriptionParams,
  subscriptionToJson,
} from '../schemas/action-subscriptions';

/**
 * `/v1/actions/:id/subscriptions`: bindings that target an action. Each gets its own
 * queue bound to the exchange; runners consume it and start a run of the action per
 * message (see core's subscriptions module). Changing them needs change access to the
 * action's deployment, listing read access; a poller as source needs read access to
 * the poller's deployment (the system binds to `interflow.items` on the caller's behalf).
 */
export function actionSubscriptionRoutes(deps: { sql: Sql; broker: Broker }): Router {
  const router = Router();

  router.post('/v1/actions/:id/subscriptions', async (req, res) => {
    requireRole(req, 'viewer');
    const { id } = parseParams(idParams, req);
    const action = await getAction(deps.sql, id);
    await requireDeploymentAccess(deps.sql, req, action.deploymentId, 'change', { kind: 'action', id });
    const body = parseBody(createSubscriptionBody, req);
    let fields: ActionSubscriptionFields;
    if (body.source) {
      // The poller's events are its deployment's data: a token that cannot read it is told the poller does not exist.
      const poller = await getAction(deps.sql, body.source.action_id);
      await requireDeploymentAccess(deps.sql, req, poller.deploymentId, 'read', { kind: 'action', id: poller.id });
      const events = body.source.events.map((event) => event.slice('item.'.length) as ItemChangeKind);
      fields = { actionId: id, itemSource: { pollerActionId: poller.id, events } };
    } else {
      fields = { actionId: id, exchange: body.exchange ?? '', bindingKey: body.binding_key, headers: body.headers, headersMatch: body.headers_match };
    }
    const subscription = await createActionSubscription(deps.sql, deps.broker, fields);
    req.log.info('action subscription created', { actionId: id, subscriptionId: subscription.id, queue: subscription.queue });
    res.status(201).location(`/v1/actions/${id}/subscriptions/${subscription.id}`).json(subscriptionToJson(subscription));
  });

  router.get('/v1/actions/:id/subscriptions', async (req, res) => {
    requireRole(req, 'viewer');
    const { id } = parseParams(idParams, req);
    const action = await getAction(deps.sql, id);
    await requireDeploymentAccess(deps.sql, req, action.deploymentId, 'read', { kind: 'action', id });
    const query = parseQuery(listSubscriptionsQuery, req);
    const page = await listActionSubscriptions(deps.sql, id, { limit: query.limit, after: decodeCursor(query.cursor) });
    res.json(toPageBody(page, subscriptionToJson));
  });

  router.get('/v1/actions/:id/subscriptions/:subscriptionId', async (req, res) => {
    requireRole(req, 'viewer');
    const { id, subscriptionId } = parseParams(subscriptionParams, req);
    const action = await getAction(deps.sql, id);
    await requireDeploymentAccess(deps.sql, req, action.deploymentId, 'read', { kind: 'action', id });
    const subscription = await getActionSubscription(deps.sql, subscriptionId);
    if (subscription.actionId !== id) throw new NotFoundError('subscription', subscriptionId);
    res.json(subscriptionToJson(subscription));
  });

  router.delete('/v1/actions/:id/subscriptions/:subscriptionId', async (req, res) => {
    requireRole(req, 'viewer');
    const { id, subscriptionId } = parseParams(subscriptionParams, req);
    const action = await getAction(deps.sql, id);
    await requireDeploymentAccess(deps.sql, req, action.deploymentId, 'change', { kind: 'action', id });
    const subscription = await getActionSubscription(deps.sql, subscriptionId);
    if (subscription.actionId !== id) throw new NotFoundError('subscription', subscriptionId);
    await deleteActionSubscription(deps.sql, deps.broker, subscriptionId);
    req.log.info('action subscription deleted', { actionId: id, subscriptionId });
    res.status(204).end();
  });

  return router;
}
