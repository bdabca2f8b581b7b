import { Router } from 'express';
import { type Sql } from '@interflow/core';
import { getRun, listRunAttempts, listRuns } from '@interflow/registry';
import { requireRole } from '../http/authorize';
import { requireDeploymentAccess } from '../http/deployment-access';
import { decodeCursor, toPageBody } from '../http/pagination';
import { idParams, parseParams, parseQuery } from '../http/validate';
import { attemptToJson, listRunsQuery, runToJson } from '../schemas/runs';

/** `/v1/runs`: the history of actions, newest first; one run with every attempt. */
export function runRoutes(deps: { sql: Sql }): Router {
  const router = Router();

  router.get('/v1/runs', async (req, res) => {
    const principal = requireRole(req, 'viewer');
    const query = parseQuery(listRunsQuery, req);
    const page = await listRuns(deps.sql, principal, {
      limit: query.limit,
      after: decodeCursor(query.cursor),
      actionId: query.action_id,
      deploymentId: query.deployment_id,
      status: query.status,
      trigger: query.trigger,
      since: query.since ? new Date(query.since) : undefined,
      until: query.until ? new Date(query.until) : undefined,
    });
    res.json(toPageBody(page, runToJson));
  });

  router.get('/v1/runs/:id', async (req, res) => {
    requireRole(req, 'viewer');
    const { id } = parseParams(idParams, req);
    const run = await getRun(deps.sql, id);
    await requireDeploymentAccess(deps.sql, req, run.deploymentId, 'read', { kind: 'run', id });
    const attempts = await listRunAttempts(deps.sql, id);
    res.json({ ...runToJson(run), attempts: attempts.map(attemptToJson) });
  });

  return router;
}
