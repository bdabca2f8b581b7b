import { idParams } from '../../http/validate';
import { pageSchema } from '../../http/pagination';
import {
  confirmBody,
  deliveryJson,
  historyJson,
  historyQuery,
  inboxQuery,
  listDeliveriesQuery,
  listNotificationsQuery,
  notificationJson,
  publishNotificationBody,
} from '../../schemas/notifications';
import type { PathSpecs } from '../operation-spec';

const tags = ['notifications'];

const inboxStreamSchema = {
  type: 'string',
  description:
    'One event of this inbox, as the JSON of an SSE `data:` line; the SSE `event:` field is notification.<kind> ' +
    '(delivered, read, confirmed, expired, reminded, escalated, sent, send_failed, dead_lettered). Each carries ' +
    'notification_id, delivery_id, recipient_id, title, severity, requires_confirmation, detail, time, event_id and at. ' +
    'reset: the Last-Event-ID was outside the replay window; reload the inbox, the stream goes on from now.',
};

export const notificationPaths: PathSpecs = {
  '/v1/notifications': {
    post: {
      summary: 'Publish a notification',
      description:
        'Stored, then fanned out through the broker into one delivery per recipient (a recipient reached through ' +
        'several groups gets it once), by the runners. 202 with the notification; with a dedupe_key already used, 200 ' +
        'with the earlier notification and nothing delivered. Needs a token not limited to deployments.',
      tags,
      auth: 'operator',
      body: publishNotificationBody,
      responses: {
        202: { description: 'stored; its deliveries follow', schema: notificationJson, headers: { Location: 'the notification' } },
        200: { description: 'the dedupe key was used before: the earlier notification', schema: notificationJson },
      },
    },
    get: {
      summary: 'List notifications, newest first',
      tags,
      auth: 'viewer',
      query: listNotificationsQuery,
      responses: { 200: { description: 'a page of notifications', schema: pageSchema(notificationJson) } },
    },
  },
  '/v1/notifications/{id}': {
    get: {
      summary: 'Get a notification with its delivery counts',
      tags,
      auth: 'viewer',
      params: idParams,
      responses: { 200: { description: 'the notification', schema: notificationJson }, 404: { description: 'no such notification' } },
    },
  },
  '/v1/notifications/{id}/deliveries': {
    get: {
      summary: 'The deliveries of a notification, one per recipient',
      tags,
      auth: 'viewer',
      params: idParams,
      query: listDeliveriesQuery,
      responses: { 200: { description: 'a page of deliveries', schema: pageSchema(deliveryJson) }, 404: { description: 'no such notification' } },
    },
  },
  '/v1/notifications/{id}/history': {
    get: {
      summary: 'What happened to a notification, oldest first',
      description: 'published, delivered, read, confirmed (who, comment), expired, reminded, escalated, and every channel send: sent, send_failed, dead_lettered (with the reason).',
      tags,
      auth: 'viewer',
      params: idParams,
      query: historyQuery,
      responses: { 200: { description: 'history entries', schema: historyJson }, 404: { description: 'no such notification' } },
    },
  },
  '/v1/inbox': {
    get: {
      summary: "The inbox of the token's recipient, newest first",
      description: 'Only for tokens bound to a recipient (POST /v1/tokens with recipient_id); any other token gets 403.',
      tags,
      auth: 'viewer',
      query: inboxQuery,
      responses: { 200: { description: 'a page of deliveries', schema: pageSchema(deliveryJson) } },
    },
  },
  '/v1/inbox/stream': {
    get: {
      summary: "Follow the token's inbox, as Server-Sent Events",
      description:
        'The event stream filtered to this recipient: every change of its deliveries as it commits. Reconnect with ' +
        '`Last-Event-ID` to get exactly what was missed (within the replay window). Only for tokens bound to a recipient.',
      tags,
      auth: 'viewer',
      headers: { 'Last-Event-ID': { description: 'the id of the last event received, to resume after it' } },
      responses: {
        200: { description: 'an endless text/event-stream', content: { mediaType: 'text/event-stream', schema: inboxStreamSchema } },
      },
    },
  },
  '/v1/inbox/{id}': {
    get: {
      summary: 'One delivery of the inbox',
      tags,
      auth: 'viewer',
      params: idParams,
      responses: { 200: { description: 'the delivery', schema: deliveryJson }, 404: { description: 'not in this inbox' } },
    },
  },
  '/v1/inbox/{id}/read': {
    post: {
      summary: 'Mark a delivery read',
      tags,
      auth: 'viewer',
      params: idParams,
      responses: {
        200: { description: 'the delivery', schema: deliveryJson },
        404: { description: 'not in this inbox' },
        409: { description: 'the notification expired' },
      },
    },
  },
  '/v1/inbox/{id}/confirm': {
    post: {
      summary: 'Confirm a delivery',
      description: 'Records who (the token) and when, with an optional comment. Confirming again answers the first confirmation.',
      tags,
      auth: 'viewer',
      params: idParams,
      body: confirmBody,
      responses: {
        200: { description: 'the confirmed delivery', schema: deliveryJson },
        404: { description: 'not in this inbox' },
        409: { description: 'the notification expired, or does not ask for confirmation' },
      },
    },
  },
};
