import { Router } from 'express';
import { type Sql } from '@interflow/core';
import { applySetEtag, deleteApplySet, getApplySet, listApplySets, putApplySet } from '../apply-sets/apply-sets';
import { requireRole, requireUnscoped } from '../http/authorize';
import { parseBody, parseParams } from '../http/validate';
import { applySetListJson, applySetParams, applySetToJson, putApplySetBody } from '../schemas/apply-sets';

/**
 * `/v1/apply-sets`: what `interflow apply` manages, so `--prune` deletes only objects it
 * created. Writing one needs an unscoped operator (apply changes services), reading one an
 * unscoped viewer (a set lists objects of every deployment it manages); writes take
 * `If-Match` / `If-None-Match: *` so two applies racing cannot both win.
 */
export function applySetRoutes(deps: { sql: Sql }): Router {
  const router = Router();

  router.get('/v1/apply-sets', async (req, res) => {
    requireUnscoped(requireRole(req, 'viewer'), 'reading apply sets');
    const sets = await listApplySets(deps.sql);
    res.json(applySetListJson.parse({ items: sets.map((set) => applySetToJson(set, applySetEtag(set))) }));
  });

  router.get('/v1/apply-sets/:name', async (req, res) => {
    requireUnscoped(requireRole(req, 'viewer'), 'reading apply sets');
    const { name } = parseParams(applySetParams, req);
    const set = await getApplySet(deps.sql, name);
    res.setHeader('etag', applySetEtag(set)).json(applySetToJson(set, applySetEtag(set)));
  });

  router.put('/v1/apply-sets/:name', async (req, res) => {
    const principal = requireRole(req, 'operator');
    requireUnscoped(principal, 'writing an apply set');
    const { name } = parseParams(applySetParams, req);
    const body = parseBody(putApplySetBody, req);
    const set = await putApplySet(deps.sql, name, body.objects, {
      ifMatch: req.header('if-match') ?? undefined,
      ifNoneMatch: req.header('if-none-match') ?? undefined,
    });
    req.log.info('apply set written', { applySet: name, objects: set.objects.length, version: set.version });
    res.setHeader('etag', applySetEtag(set)).json(applySetToJson(set, applySetEtag(set)));
  });

  router.delete('/v1/apply-sets/:name', async (req, res) => {
    requireUnscoped(requireRole(req, 'operator'), 'deleting an apply set');
    const { name } = parseParams(applySetParams, req);
    await deleteApplySet(deps.sql, name, req.header('if-match') ?? undefined);
    res.status(204).end();
  });

  return router;
}
