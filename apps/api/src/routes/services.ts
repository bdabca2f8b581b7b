import { Router } from 'express';
import { type Sql } from '@interflow/core';
import {
  deleteService,
  getService,
  listServices,
  registerService,
  rotateServiceSigningSecret,
  updateService,
  type SecretKeyring,
} from '@interflow/registry';
import { requireRole, requireUnscoped } from '../http/authorize';
import { ifMatchOf } from '../http/if-match';
import { decodeCursor, toPageBody } from '../http/pagination';
import { idParams, parseBody, parseParams, parseQuery } from '../http/validate';
import {
  createServiceBody,
  listServicesQuery,
  rotateSigningSecretBody,
  serviceToJson,
  updateServiceBody,
} from '../schemas/services';

/**
 * `/v1/services`: connectors and their methods. Any token may read them (they hold no
 * secret); changing them affects every deployment, so it needs an unscoped operator.
 */
export function serviceRoutes(deps: { sql: Sql; keyring: SecretKeyring }): Router {
  const router = Router();

  router.post('/v1/services', async (req, res) => {
    requireUnscoped(requireRole(req, 'operator'), 'registering a service');
    const body = parseBody(createServiceBody, req);
    const { service, signingSecret } = await registerService(
      deps.sql,
      deps.keyring,
      { name: body.name, description: body.description ?? null, baseUrl: body.base_url, methods: body.methods },
      body.signing_secret,
    );
    req.log.info('service registered', { serviceId: service.id });
    res.status(201).location(`/v1/services/${service.id}`).setHeader('etag', service.etag).json({ ...serviceToJson(service), signing_secret: signingSecret });
  });

  router.get('/v1/services', async (req, res) => {
    requireRole(req, 'viewer');
    const query = parseQuery(listServicesQuery, req);
    const page = await listServices(deps.sql, { limit: query.limit, after: decodeCursor(query.cursor) });
    res.json(toPageBody(page, serviceToJson));
  });

  router.get('/v1/services/:id', async (req, res) => {
    requireRole(req, 'viewer');
    const { id } = parseParams(idParams, req);
    const service = await getService(deps.sql, id);
    res.setHeader('etag', service.etag).json(serviceToJson(service));
  });

  router.patch('/v1/services/:id', async (req, res) => {
    requireUnscoped(requireRole(req, 'operator'), 'changing a service');
    const { id } = parseParams(idParams, req);
    const body = parseBody(updateServiceBody, req);
    const service = await updateService(
      deps.sql,
      id,
      {
        name: body.name,
        description: body.description,
        baseUrl: body.base_url,
        methods: body.methods,
      },
      ifMatchOf(req),
    );
    req.log.info('service updated', { serviceId: id });
    res.setHeader('etag', service.etag).json(serviceToJson(service));
  });

  router.delete('/v1/services/:id', async (req, res) => {
    requireUnscoped(requireRole(req, 'operator'), 'deleting a service');
    const { id } = parseParams(idParams, req);
    await deleteService(deps.sql, id, ifMatchOf(req));
    req.log.info('service deleted', { serviceId: id });
    res.status(204).end();
  });

  router.post('/v1/services/:id/signing-secret', async (req, res) => {
    requireUnscoped(requireRole(req, 'operator'), 'rotating a signing secret');
    const { id } = parseParams(idParams, req);
    const body = parseBody(rotateSigningSecretBody, req);
    const signingSecret = await rotateServiceSigningSecret(deps.sql, deps.keyring, id, body.signing_secret);
    req.log.info('service signing secret rotated', { serviceId: id });
    res.json({ signing_secret: signingSecret });
  });

  return router;
}
