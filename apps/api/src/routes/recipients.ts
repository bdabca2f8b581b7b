import { Router } from 'express';
import type { Sql } from '@interflow/core';
import type { SecretKeyring } from '@interflow/registry';
import {
  addGroupMembers,
  createRecipient,
  createRecipientGroup,
  deleteRecipient,
  deleteRecipientGroup,
  getRecipient,
  getRecipientGroup,
  listRecipientGroups,
  listRecipients,
  removeGroupMember,
  rotateWebhookSecret,
  updateRecipient,
  updateRecipientGroup,
} from '@interflow/notifications';
import { requireRole, requireUnscoped } from '../http/authorize';
import { decodeCursor, toPageBody } from '../http/pagination';
import { idParams, parseBody, parseParams, parseQuery } from '../http/validate';
import {
  addMembersBody,
  createGroupBody,
  createRecipientBody,
  groupMemberParams,
  groupToJson,
  listGroupsQuery,
  listRecipientsQuery,
  recipientToJson,
  updateGroupBody,
  updateRecipientBody,
} from '../schemas/recipients';

/**
 * `/v1/recipients` and `/v1/groups`: who notifications reach. Installation-wide (people
 * are not a deployment's), so every route needs an unscoped token: viewer to read,
 * operator to change.
 */
export function recipientRoutes(deps: { sql: Sql; keyring: SecretKeyring }): Router {
  const router = Router();

  router.post('/v1/recipients', async (req, res) => {
    requireUnscoped(requireRole(req, 'operator'), 'managing recipients');
    const body = parseBody(createRecipientBody, req);
    const { recipient, webhookSecret } = await createRecipient(deps.sql, deps.keyring, {
      name: body.name,
      email: body.email ?? null,
      webhookUrl: body.webhook_url ?? null,
      ...(body.webhook_secret === undefined ? {} : { webhookSecret: body.webhook_secret }),
      groupIds: body.group_ids ?? [],
    });
    req.log.info('recipient created', { recipientId: recipient.id });
    res.status(201).location(`/v1/recipients/${recipient.id}`).json({ ...recipientToJson(recipient), webhook_secret: webhookSecret });
  });

  router.get('/v1/recipients', async (req, res) => {
    requireUnscoped(requireRole(req, 'viewer'), 'reading recipients');
    const query = parseQuery(listRecipientsQuery, req);
    const page = await listRecipients(deps.sql, { limit: query.limit, after: decodeCursor(query.cursor), groupId: query.group_id });
    res.json(toPageBody(page, recipientToJson));
  });

  router.get('/v1/recipients/:id', async (req, res) => {
    requireUnscoped(requireRole(req, 'viewer'), 'reading recipients');
    const { id } = parseParams(idParams, req);
    res.json(recipientToJson(await getRecipient(deps.sql, id)));
  });

  router.patch('/v1/recipients/:id', async (req, res) => {
    requireUnscoped(requireRole(req, 'operator'), 'managing recipients');
    const { id } = parseParams(idParams, req);
    const body = parseBody(updateRecipientBody, req);
    const { recipient, webhookSecret } = await updateRecipient(deps.sql, deps.keyring, id, {
      name: body.name,
      email: body.email,
      webhookUrl: body.webhook_url,
      ...(body.webhook_secret === undefined ? {} : { webhookSecret: body.webhook_secret }),
      groupIds: body.group_ids,
    });
    res.json({ ...recipientToJson(recipient), webhook_secret: webhookSecret });
  });

  router.delete('/v1/recipients/:id', async (req, res) => {
    requireUnscoped(requireRole(req, 'operator'), 'managing recipients');
    const { id } = parseParams(idParams, req);
    await deleteRecipient(deps.sql, id);
    req.log.info('recipient deleted', { recipientId: id });
    res.status(204).end();
  });

  router.post('/v1/recipients/:id/webhook-secret', async (req, res) => {
    requireUnscoped(requireRole(req, 'operator'), 'managing recipients');
    const { id } = parseParams(idParams, req);
    const secret = await rotateWebhookSecret(deps.sql, deps.keyring, id);
    req.log.info('recipient webhook secret rotated', { recipientId: id });
    res.json({ webhook_secret: secret });
  });

  router.post('/v1/groups', async (req, res) => {
    requireUnscoped(requireRole(req, 'operator'), 'managing groups');
    const body = parseBody(createGroupBody, req);
    const group = await createRecipientGroup(deps.sql, { name: body.name, description: body.description ?? null });
    res.status(201).location(`/v1/groups/${group.id}`).json(groupToJson(group));
  });

  router.get('/v1/groups', async (req, res) => {
    requireUnscoped(requireRole(req, 'viewer'), 'reading groups');
    const query = parseQuery(listGroupsQuery, req);
    res.json(toPageBody(await listRecipientGroups(deps.sql, { limit: query.limit, after: decodeCursor(query.cursor) }), groupToJson));
  });

  router.get('/v1/groups/:id', async (req, res) => {
    requireUnscoped(requireRole(req, 'viewer'), 'reading groups');
    const { id } = parseParams(idParams, req);
    res.json(groupToJson(await getRecipientGroup(deps.sql, id)));
  });

  router.patch('/v1/groups/:id', async (req, res) => {
    requireUnscoped(requireRole(req, 'operator'), 'managing groups');
    const { id } = parseParams(idParams, req);
    const body = parseBody(updateGroupBody, req);
    res.json(groupToJson(await updateRecipientGroup(deps.sql, id, { name: body.name, description: body.description })));
  });

  router.delete('/v1/groups/:id', async (req, res) => {
    requireUnscoped(requireRole(req, 'operator'), 'managing groups');
    const { id } = parseParams(idParams, req);
    await deleteRecipientGroup(deps.sql, id);
    res.status(204).end();
  });

  router.post('/v1/groups/:id/members', async (req, res) => {
    requireUnscoped(requireRole(req, 'operator'), 'managing groups');
    const { id } = parseParams(idParams, req);
    const body = parseBody(addMembersBody, req);
    res.json(groupToJson(await addGroupMembers(deps.sql, id, body.recipient_ids)));
  });

  router.delete('/v1/groups/:id/members/:recipientId', async (req, res) => {
    requireUnscoped(requireRole(req, 'operator'), 'managing groups');
    const { id, recipientId } = parseParams(groupMemberParams, req);
    await removeGroupMember(deps.sql, id, recipientId);
    res.status(204).end();
  });

  return router;
}
