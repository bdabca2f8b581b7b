import { Router } from 'express';
import type { Clock, Sql } from '@interflow/core';
import { confirmDelivery, getInboxDelivery, listInbox, markDeliveryRead } from '@interflow/notifications';
import type { EventHub } from '../events/event-hub';
import { openEventStream } from '../events/open-event-stream';
import { requireRecipient } from '../http/authorize';
import { decodeCursor, toPageBody } from '../http/pagination';
import { idParams, parseBody, parseParams, parseQuery } from '../http/validate';
import { confirmBody, deliveryToJson, inboxQuery } from '../schemas/notifications';

/**
 * `/v1/inbox`: the notifications of the recipient the token is bound to, and nothing
 * else: another recipient's delivery is a 404, as if it did not exist. The live stream
 * is the event stream's machinery (same log, same Last-Event-ID resume), filtered to
 * this recipient's notification events.
 */
export function inboxRoutes(deps: { sql: Sql; clock: Clock; events: EventHub; heartbeatMs: number }): Router {
  const router = Router();

  router.get('/v1/inbox', async (req, res) => {
    const { recipientId } = requireRecipient(req);
    const query = parseQuery(inboxQuery, req);
    const page = await listInbox(deps.sql, recipientId, { limit: query.limit, after: decodeCursor(query.cursor), filter: query.filter });
    res.json(toPageBody(page, deliveryToJson));
  });

  router.get('/v1/inbox/stream', async (req, res) => {
    const principal = requireRecipient(req);
    await openEventStream(deps, principal, req, res);
  });

  router.get('/v1/inbox/:id', async (req, res) => {
    const { recipientId } = requireRecipient(req);
    const { id } = parseParams(idParams, req);
    res.json(deliveryToJson(await getInboxDelivery(deps.sql, recipientId, id)));
  });

  router.post('/v1/inbox/:id/read', async (req, res) => {
    const { recipientId } = requireRecipient(req);
    const { id } = parseParams(idParams, req);
    res.json(deliveryToJson(await markDeliveryRead(deps.sql, deps.clock, recipientId, id)));
  });

  router.post('/v1/inbox/:id/confirm', async (req, res) => {
    const principal = requireRecipient(req);
    const { id } = parseParams(idParams, req);
    const body = parseBody(confirmBody, req);
    const delivery = await confirmDelivery(deps.sql, deps.clock, principal.recipientId, id, {
      by: principal.name,
      comment: body.comment ?? null,
    });
    req.log.info('notification confirmed', { deliveryId: id, recipientId: principal.recipientId });
    res.json(deliveryToJson(delivery));
  });

  return router;
}
