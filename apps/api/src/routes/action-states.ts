import { Router } from 'express';
import { type Clock, type Sql } from '@interflow/core';
import { deleteActionStates, getAction, listActionStates, recordActionStates } from '@interflow/registry';
import { requireRole } from '../http/authorize';
import { requireDeploymentAccess } from '../http/deployment-access';
import { decodeCursor, toPageBody } from '../http/pagination';
import { idParams, parseBody, parseParams, parseQuery } from '../http/validate';
import { deleteStatesQuery, listStatesQuery, recordStatesBody, stateToJson } from '../schemas/action-states';

/**
 * `/v1/actions/:id/states`: what an action already saw upstream. Recording is part of
 * running (run access); listing needs read access, forgetting change access.
 */
export function actionStateRoutes(deps: { sql: Sql; clock: Clock }): Router {
  const router = Router();

  router.post('/v1/actions/:id/states', async (req, res) => {
    requireRole(req, 'viewer');
    const { id } = parseParams(idParams, req);
    const action = await getAction(deps.sql, id);
    await requireDeploymentAccess(deps.sql, req, action.deploymentId, 'run', { kind: 'action', id });
    const { items } = parseBody(recordStatesBody, req);
    const verdicts = await recordActionStates(deps.sql, id, items, deps.clock.now());
    res.json({
      items: items.map((item, index) => ({ fid: item.fid ?? null, nonce: item.nonce ?? null, status: verdicts[index] ?? 'seen' })),
    });
  });

  router.get('/v1/actions/:id/states', async (req, res) => {
    requireRole(req, 'viewer');
    const { id } = parseParams(idParams, req);
    const action = await getAction(deps.sql, id);
    await requireDeploymentAccess(deps.sql, req, action.deploymentId, 'read', { kind: 'action', id });
    const query = parseQuery(listStatesQuery, req);
    const page = await listActionStates(deps.sql, id, { limit: query.limit, after: decodeCursor(query.cursor), fid: query.fid });
    res.json(toPageBody(page, stateToJson));
  });

  router.delete('/v1/actions/:id/states', async (req, res) => {
    requireRole(req, 'viewer');
    const { id } = parseParams(idParams, req);
    const action = await getAction(deps.sql, id);
    await requireDeploymentAccess(deps.sql, req, action.deploymentId, 'change', { kind: 'action', id });
    const query = parseQuery(deleteStatesQuery, req);
    const deleted = await deleteActionStates(deps.sql, id, { fid: query.fid });
    req.log.info('action states deleted', { actionId: id, deleted });
    res.json({ deleted });
  });

  return router;
}
