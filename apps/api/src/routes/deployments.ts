import { Router, type Request } from 'express';
import { type Sql } from '@interflow/core';
import { createDeployment, deleteDeployment, listDeployments, updateDeployment, type SecretKeyring } from '@interflow/registry';
import { requireRole, requireUnscoped } from '../http/authorize';
import { requireDeploymentAccess } from '../http/deployment-access';
import { decodeCursor, toPageBody } from '../http/pagination';
import { idParams, parseBody, parseParams, parseQuery } from '../http/validate';
import { createDeploymentBody, deploymentToJson, listDeploymentsQuery, updateDeploymentBody } from '../schemas/deployments';

function ifMatchOf(req: Request): string | undefined {
  return req.header('if-match') ?? undefined;
}

/**
 * `/v1/deployments`: configured uses of a service. Credentials go in sealed and never
 * come out (names only, values `[redacted]`). Every response carries the content hash
 * as ETag; PATCH and DELETE with `If-Match` refuse a stale copy with 412.
 */
export function deploymentRoutes(deps: { sql: Sql; keyring: SecretKeyring }): Router {
  const router = Router();

  router.post('/v1/deployments', async (req, res) => {
    requireUnscoped(requireRole(req, 'operator'), 'creating a deployment');
    const body = parseBody(createDeploymentBody, req);
    const deployment = await createDeployment(deps.sql, deps.keyring, {
      name: body.name,
      description: body.description ?? null,
      serviceId: body.service_id,
      connection: body.connection,
      credentials: body.credentials,
      rateLimit: body.rate_limit ?? null,
      maxConcurrency: body.max_concurrency ?? null,
      accessRules: body.access_rules,
    });
    req.log.info('deployment created', { deploymentId: deployment.id });
    res.status(201).location(`/v1/deployments/${deployment.id}`).setHeader('etag', deployment.etag).json(deploymentToJson(deployment));
  });

  router.get('/v1/deployments', async (req, res) => {
    const principal = requireRole(req, 'viewer');
    const query = parseQuery(listDeploymentsQuery, req);
    const page = await listDeployments(deps.sql, principal, {
      limit: query.limit,
      after: decodeCursor(query.cursor),
      serviceId: query.service_id,
    });
    res.json(toPageBody(page, deploymentToJson));
  });

  router.get('/v1/deployments/:id', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const { deployment } = await requireDeploymentAccess(deps.sql, req, id, 'read');
    res.setHeader('etag', deployment.etag).json(deploymentToJson(deployment));
  });

  router.patch('/v1/deployments/:id', async (req, res) => {
    const { id } = parseParams(idParams, req);
    await requireDeploymentAccess(deps.sql, req, id, 'change');
    const body = parseBody(updateDeploymentBody, req);
    const deployment = await updateDeployment(
      deps.sql,
      deps.keyring,
      id,
      {
        name: body.name,
        description: body.description,
        serviceId: body.service_id,
        connection: body.connection,
        credentials: body.credentials,
        rateLimit: body.rate_limit,
        maxConcurrency: body.max_concurrency,
        accessRules: body.access_rules,
      },
      ifMatchOf(req),
    );
    req.log.info('deployment updated', { deploymentId: id, credentialsChanged: body.credentials !== undefined });
    res.setHeader('etag', deployment.etag).json(deploymentToJson(deployment));
  });

  router.delete('/v1/deployments/:id', async (req, res) => {
    const { id } = parseParams(idParams, req);
    await requireDeploymentAccess(deps.sql, req, id, 'change');
    await deleteDeployment(deps.sql, id, ifMatchOf(req));
    req.log.info('deployment deleted', { deploymentId: id });
    res.status(204).end();
  });

  return router;
}
