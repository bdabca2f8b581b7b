import { Router } from 'express';
import type { Broker } from '@interflow/broker';
import type { Clock, Sql } from '@interflow/core';
import {
  createNotification,
  getNotification,
  listDeliveries,
  listNotifications,
  notificationHistory,
} from '@interflow/notifications';
import { requireRole, requireUnscoped } from '../http/authorize';
import { decodeCursor, toPageBody } from '../http/pagination';
import { idParams, parseBody, parseParams, parseQuery } from '../http/validate';
import {
  deliveryToJson,
  historyEntryToJson,
  historyQuery,
  listDeliveriesQuery,
  listNotificationsQuery,
  notificationToJson,
  publishNotificationBody,
} from '../schemas/notifications';

/**
 * `/v1/notifications`: publish a notification to recipients and groups, and follow it
 * (its deliveries and history). Publishing stores it and its fan-out message in one
 * transaction (publishWithin); the runner makes one delivery per recipient. Installation-wide, so unscoped
 * tokens only: operator to publish, viewer to read.
 */
export function notificationRoutes(deps: { sql: Sql; clock: Clock; broker: Broker }): Router {
  const router = Router();

  router.post('/v1/notifications', async (req, res) => {
    const principal = requireRole(req, 'operator');
    requireUnscoped(principal, 'publishing a notification');
    const body = parseBody(publishNotificationBody, req);
    const { notification, created } = await createNotification(deps.sql, deps.clock, {
      title: body.title,
      body: body.text,
      severity: body.severity,
      link: body.link ?? null,
      data: body.data,
      to: { recipientIds: body.to.recipients, groupIds: body.to.groups },
      requiresConfirmation: body.requires_confirmation,
      expiresAt: body.expires_at ? new Date(body.expires_at) : null,
      dedupeKey: body.dedupe_key ?? null,
      remindAfterMs: body.confirmation?.remind_after_ms ?? null,
      maxReminders: body.confirmation?.max_reminders ?? null,
      escalateAfterMs: body.confirmation?.escalate_after_ms ?? null,
      escalateTo: {
        recipientIds: body.confirmation?.escalate_to?.recipients ?? [],
        groupIds: body.confirmation?.escalate_to?.groups ?? [],
      },
      source: `token:${principal.tokenId}`,
    }, deps.broker);
    if (created) req.log.info('notification published', { notificationId: notification.id });
    res
      .status(created ? 202 : 200)
      .location(`/v1/notifications/${notification.id}`)
      .json(notificationToJson(notification));
  });

  router.get('/v1/notifications', async (req, res) => {
    requireUnscoped(requireRole(req, 'viewer'), 'reading notifications');
    const query = parseQuery(listNotificationsQuery, req);
    res.json(toPageBody(await listNotifications(deps.sql, { limit: query.limit, after: decodeCursor(query.cursor) }), notificationToJson));
  });

  router.get('/v1/notifications/:id', async (req, res) => {
    requireUnscoped(requireRole(req, 'viewer'), 'reading notifications');
    const { id } = parseParams(idParams, req);
    res.json(notificationToJson(await getNotification(deps.sql, id)));
  });

  router.get('/v1/notifications/:id/deliveries', async (req, res) => {
    requireUnscoped(requireRole(req, 'viewer'), 'reading notifications');
    const { id } = parseParams(idParams, req);
    const query = parseQuery(listDeliveriesQuery, req);
    const page = await listDeliveries(deps.sql, id, { limit: query.limit, after: decodeCursor(query.cursor), state: query.state });
    res.json(toPageBody(page, deliveryToJson));
  });

  router.get('/v1/notifications/:id/history', async (req, res) => {
    requireUnscoped(requireRole(req, 'viewer'), 'reading notifications');
    const { id } = parseParams(idParams, req);
    const query = parseQuery(historyQuery, req);
    const entries = await notificationHistory(deps.sql, id, { limit: query.limit, afterId: query.after });
    res.json({ items: entries.map(historyEntryToJson) });
  });

  return router;
}
