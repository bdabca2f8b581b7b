import { Router } from 'express';
import { z } from 'zod';
import { InterflowError, type Sql } from '@interflow/core';
import { getService, updateService } from '@interflow/registry';
import { outboundRefusal, readLimited, type OutboundFetch } from '@interflow/outbound';
import { requireRole, requireUnscoped } from '../http/authorize';
import { idParams, parseParams } from '../http/validate';
import { methodJson, serviceToJson } from '../schemas/services';

/** What a connector built with the SDK serves at `GET <base_url>/methods`. */
const methodsDescription = z.object({ methods: z.array(methodJson).max(500) });

const IMPORT_TIMEOUT_MS = 10_000;
/** A methods description is small; a connector answering more is not one. */
const MAX_DESCRIPTION_BYTES = 2 * 1024 * 1024;

/** The connector could not be asked, or answered something that is not a methods description. */
class ConnectorDescriptionError extends InterflowError {
  constructor(message: string, details?: unknown) {
    super('connector_description_unavailable', message, 502, details);
  }
}

/**
 * `POST /v1/services/:id/methods/import`: replaces the service's methods with what the
 * connector describes at `GET <base_url>/methods` (the connector SDK serves it), so a
 * connector's methods are declared once, in its code. Removing a method that actions use
 * is refused (409) like any other change of methods.
 */
export function serviceMethodImportRoutes(deps: { sql: Sql; fetch: OutboundFetch }): Router {
  const router = Router();

  router.post('/v1/services/:id/methods/import', async (req, res) => {
    requireUnscoped(requireRole(req, 'operator'), 'changing a service');
    const { id } = parseParams(idParams, req);
    const service = await getService(deps.sql, id);
    const url = `${service.baseUrl.replace(/\/+$/, '')}/methods`;
    let text: string;
    try {
      const response = await deps.fetch(url, {
        signal: AbortSignal.timeout(IMPORT_TIMEOUT_MS),
        headers: { accept: 'application/json' },
        redirect: 'manual',
      });
      if (!response.ok) {
        await response.body?.cancel();
        throw new ConnectorDescriptionError(`${url} answered ${response.status}`);
      }
      const body = await readLimited(response.body, MAX_DESCRIPTION_BYTES, response.headers.get('content-length'));
      if (body.truncated) throw new ConnectorDescriptionError(`${url} answered more than ${MAX_DESCRIPTION_BYTES} bytes`);
      text = body.bytes.toString('utf8');
    } catch (error) {
      if (error instanceof ConnectorDescriptionError) throw error;
      const refusal = outboundRefusal(error);
      if (refusal) throw new ConnectorDescriptionError(refusal.message);
      throw new ConnectorDescriptionError(`could not reach ${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = methodsDescription.safeParse(parseJson(text));
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message }));
      throw new ConnectorDescriptionError(`${url} did not answer with a methods description`, problems);
    }
    const updated = await updateService(deps.sql, id, { methods: parsed.data.methods });
    req.log.info('service methods imported from the connector', { serviceId: id, methods: parsed.data.methods.length });
    res.json(serviceToJson(updated));
  });

  return router;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
