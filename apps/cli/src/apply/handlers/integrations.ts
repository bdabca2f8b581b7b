import { orThrow } from '@interflow/client';
import { listAll } from '../../api';
import { changedFields } from '../compare';
import type { KindHandler } from '../kinds';
import { asJson, byId, byIdIfUnchanged, named, omit, PAGE, type Json } from './shared';

export const serviceHandler: KindHandler = {
  kind: 'Service',
  createPath: '/v1/services',
  references: [],
  updatable: true,
  list: async (c) => named((await listAll((cursor) => orThrow(c.GET('/v1/services', { params: { query: { limit: PAGE, cursor } } })))).map(asJson)),
  keyOf: (name) => name,
  diff: (stored, body) => changedFields(stored, omit(body, ['signing_secret'])),
  create: async (c, body) => {
    const raw = asJson(await orThrow(c.POST('/v1/services', { body: body as never })));
    return { id: String(raw.id), key: String(raw.name), raw: omit(raw, ['signing_secret']) };
  },
  update: async (c, stored, patch) =>
    void (await orThrow(c.PATCH('/v1/services/{id}', { ...byIdIfUnchanged(stored), body: omit(patch, ['signing_secret']) as never }))),
  remove: async (c, stored) => void (await orThrow(c.DELETE('/v1/services/{id}', byIdIfUnchanged(stored)))),
  exportSpec: (raw) => omit(raw, ['id', 'name', 'etag', 'created_at', 'updated_at']),
  exportName: (raw) => String(raw.name),
};

export const deploymentHandler: KindHandler = {
  kind: 'Deployment',
  createPath: '/v1/deployments',
  references: [{ specField: 'service', bodyField: 'service_id', kind: 'Service' }],
  updatable: true,
  secrets: { field: 'credentials', storedNames: (raw) => Object.keys((raw.credentials ?? {}) as Json) },
  list: async (c) => named((await listAll((cursor) => orThrow(c.GET('/v1/deployments', { params: { query: { limit: PAGE, cursor } } })))).map(asJson)),
  keyOf: (name) => name,
  // Credentials are compared by apply (names and a salted digest), never here.
  diff: (stored, body) => changedFields(stored, omit(body, ['credentials'])),
  create: async (c, body) => {
    const raw = asJson(await orThrow(c.POST('/v1/deployments', { body: body as never })));
    return { id: String(raw.id), key: String(raw.name), raw };
  },
  update: async (c, stored, patch) => void (await orThrow(c.PATCH('/v1/deployments/{id}', { ...byIdIfUnchanged(stored), body: patch as never }))),
  remove: async (c, stored) => void (await orThrow(c.DELETE('/v1/deployments/{id}', byIdIfUnchanged(stored)))),
  exportSpec: (raw, names) => ({
    service: names.nameOf('Service', String(raw.service_id)) ?? raw.service_id,
    ...omit(raw, ['id', 'name', 'service_id', 'credentials', 'credentials_key_id', 'etag', 'created_at', 'updated_at']),
  }),
  exportName: (raw) => String(raw.name),
};

export const actionHandler: KindHandler = {
  kind: 'Action',
  createPath: '/v1/actions',
  references: [{ specField: 'deployment', bodyField: 'deployment_id', kind: 'Deployment' }],
  updatable: true,
  list: async (c) => named((await listAll((cursor) => orThrow(c.GET('/v1/actions', { params: { query: { limit: PAGE, cursor } } })))).map(asJson)),
  keyOf: (name) => name,
  diff: (stored, body) => changedFields(stored, body),
  create: async (c, body) => {
    const raw = asJson(await orThrow(c.POST('/v1/actions', { body: body as never })));
    return { id: String(raw.id), key: String(raw.name), raw: omit(raw, ['webhook_path', 'webhook_url']) };
  },
  update: async (c, stored, patch) => void (await orThrow(c.PATCH('/v1/actions/{id}', { ...byIdIfUnchanged(stored), body: patch as never }))),
  remove: async (c, stored) => void (await orThrow(c.DELETE('/v1/actions/{id}', byIdIfUnchanged(stored)))),
  exportSpec: (raw, names) => ({
    deployment: names.nameOf('Deployment', String(raw.deployment_id)) ?? raw.deployment_id,
    ...omit(raw, ['id', 'name', 'deployment_id', 'webhook_enabled', 'etag', 'created_at', 'updated_at']),
  }),
  exportName: (raw) => String(raw.name),
};

const subscriptionKey = (body: Json) =>
  JSON.stringify([body.action_id, body.exchange, body.binding_key ?? '', body.headers ?? {}, body.headers_match ?? 'all']);

export const subscriptionHandler: KindHandler = {
  kind: 'Subscription',
  createPath: '/v1/actions/{id}/subscriptions',
  references: [{ specField: 'action', bodyField: 'action_id', kind: 'Action' }],
  updatable: false,
  list: async (c, names) => {
    const actions = await actionHandler.list(c, names);
    const pages = await Promise.all(
      actions.map((stored) =>
        listAll((cursor) => orThrow(c.GET('/v1/actions/{id}/subscriptions', { params: { path: { id: stored.id }, query: { limit: PAGE, cursor } } }))),
      ),
    );
    return pages.flat().map(asJson).map((raw) => ({ id: String(raw.id), key: subscriptionKey(raw), raw }));
  },
  keyOf: (_name, body) => subscriptionKey(body),
  diff: (stored, body) => (subscriptionKey(stored) === subscriptionKey(body) ? [] : [{ field: 'spec', from: stored, to: body }]),
  create: async (c, body) => {
    const { action_id: actionId, ...rest } = body;
    const raw = asJson(await orThrow(c.POST('/v1/actions/{id}/subscriptions', { ...byId(String(actionId)), body: rest as never })));
    return { id: String(raw.id), key: subscriptionKey(raw), raw };
  },
  update: async () => undefined,
  remove: async (c, stored) =>
    void (await orThrow(
      c.DELETE('/v1/actions/{id}/subscriptions/{subscriptionId}', {
        params: { path: { id: String(stored.raw.action_id), subscriptionId: stored.id } },
      }),
    )),
  exportSpec: (raw, names) => ({
    action: names.nameOf('Action', String(raw.action_id)) ?? raw.action_id,
    exchange: raw.exchange,
    ...(raw.binding_key ? { binding_key: raw.binding_key } : {}),
    ...(Object.keys((raw.headers ?? {}) as Json).length > 0 ? { headers: raw.headers, headers_match: raw.headers_match } : {}),
  }),
  exportName: (raw, names) => `${names.nameOf('Action', String(raw.action_id)) ?? String(raw.action_id)}.${String(raw.exchange)}`,
};
