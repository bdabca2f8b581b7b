import { Router } from 'express';
import { UnauthorizedError, type Clock, type Sql } from '@interflow/core';
import { getRecipient } from '@interflow/notifications';
import { runsPerMinute, schedulerLag } from '@interflow/registry';
import { requireRole } from '../http/authorize';
import { parseQuery } from '../http/validate';
import { overviewQuery, runsPerMinuteToJson, tokenReach } from '../schemas/overview';

/**
 * `/v1/whoami` (the token's own role, scopes and recipient, so a client can hide what it
 * may not do; every token may ask, those bound to a recipient too) and `/v1/overview` (runs per minute by status, scheduler lag): what the dashboard's
 * first screen needs beyond the resource lists.
 */
export function overviewRoutes(deps: { sql: Sql; clock: Clock }): Router {
  const router = Router();

  router.get('/v1/whoami', async (req, res) => {
    const principal = req.principal;
    if (!principal) throw new UnauthorizedError();
    const recipient = principal.recipientId ? await getRecipient(deps.sql, principal.recipientId) : null;
    res.json({
      name: principal.name,
      role: principal.role,
      deployment_scopes: principal.deploymentScopes,
      recipient: recipient && { id: recipient.id, name: recipient.name },
      reach: tokenReach(principal),
    });
  });

  router.get('/v1/overview', async (req, res) => {
    const principal = requireRole(req, 'viewer');
    const query = parseQuery(overviewQuery, req);
    const now = deps.clock.now();
    const runs = await runsPerMinute(deps.sql, principal, query.minutes, now);
    const lag = principal.deploymentScopes === null ? await schedulerLag(deps.sql, now) : null;
    res.json({
      runs_per_minute: runsPerMinuteToJson(runs),
      scheduler: lag && { enabled: lag.enabled, due: lag.due, lag_ms: lag.lagMs },
    });
  });

  return router;
}
