import { Router } from 'express';
import { ValidationError, type Clock, type Sql } from '@interflow/core';
import { recipientExists } from '@interflow/notifications';
import { createApiToken, getApiToken, listApiTokens, revokeApiToken } from '../access/api-tokens';
import { requireRole, requireUnscoped } from '../http/authorize';
import { decodeCursor, toPageBody } from '../http/pagination';
import { idParams, parseBody, parseParams, parseQuery } from '../http/validate';
import { createTokenBody, listTokensQuery, tokenToJson } from '../schemas/tokens';

/**
 * `/v1/tokens`: API tokens, admin only. A token's secret is in the creation response
 * and nowhere else; deleting revokes (the row stays for the record).
 */
export function tokenRoutes(deps: { sql: Sql; clock: Clock }): Router {
  const router = Router();

  router.post('/v1/tokens', async (req, res) => {
    requireUnscoped(requireRole(req, 'admin'), 'managing tokens');
    const body = parseBody(createTokenBody, req);
    if (body.recipient_id && !(await recipientExists(deps.sql, body.recipient_id))) {
      throw new ValidationError(`recipient '${body.recipient_id}' does not exist`, [
        { field: 'recipient_id', message: `recipient '${body.recipient_id}' does not exist` },
      ]);
    }
    const { token, secret } = await createApiToken(deps.sql, {
      name: body.name,
      role: body.role,
      deploymentScopes: body.deployment_scopes ?? null,
      recipientId: body.recipient_id ?? null,
      expiresAt: body.expires_at ? new Date(body.expires_at) : null,
    });
    req.log.info('api token created', { createdPrincipalId: token.id, role: token.role });
    res.status(201).location(`/v1/tokens/${token.id}`).json({ ...tokenToJson(token), token: secret });
  });

  router.get('/v1/tokens', async (req, res) => {
    requireUnscoped(requireRole(req, 'admin'), 'managing tokens');
    const query = parseQuery(listTokensQuery, req);
    const page = await listApiTokens(deps.sql, {
      limit: query.limit,
      after: decodeCursor(query.cursor),
      includeRevoked: query.include_revoked,
    });
    res.json(toPageBody(page, tokenToJson));
  });

  router.get('/v1/tokens/:id', async (req, res) => {
    requireUnscoped(requireRole(req, 'admin'), 'managing tokens');
    const { id } = parseParams(idParams, req);
    res.json(tokenToJson(await getApiToken(deps.sql, id)));
  });

  router.delete('/v1/tokens/:id', async (req, res) => {
    requireUnscoped(requireRole(req, 'admin'), 'managing tokens');
    const { id } = parseParams(idParams, req);
    const token = await revokeApiToken(deps.sql, id, deps.clock);
    req.log.info('api token revoked', { revokedPrincipalId: token.id });
    res.json(tokenToJson(token));
  });

  return router;
}
