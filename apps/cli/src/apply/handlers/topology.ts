import { orThrow } from '@interflow/client';
import { listAll } from '../../api';
import { changedFields, subsetDiffers } from '../compare';
import type { KindHandler } from '../kinds';
import { asJson, byId, isSystemName, named, omit, PAGE, type Json } from './shared';

/**
 * Declaring an existing exchange again changes its alternate exchange in place; its type
 * cannot change (bindings made for one type mean nothing to another): that takes deleting
 * it, which drops its bindings, so apply does it only with --replace-exchanges.
 */
export const exchangeHandler: KindHandler = {
  kind: 'Exchange',
  createPath: '/v1/exchanges',
  references: [],
  updatable: true,
  fixedFields: ['type'],
  list: async (c) => named((await listAll((cursor) => orThrow(c.GET('/v1/exchanges', { params: { query: { limit: PAGE, cursor } } })))).map(asJson)),
  keyOf: (name) => name,
  diff: (stored, body) => changedFields(stored, { type: body.type, alternate_exchange: body.alternate_exchange ?? null }),
  create: async (c, body) => {
    const raw = asJson(await orThrow(c.POST('/v1/exchanges', { body: body as never })));
    return { id: String(raw.name), key: String(raw.name), raw };
  },
  update: async (c, stored, patch) =>
    void (await orThrow(
      c.POST('/v1/exchanges', { body: { name: stored.id, type: stored.raw.type, alternate_exchange: patch.alternate_exchange ?? null } as never }),
    )),
  remove: async (c, stored) => void (await orThrow(c.DELETE('/v1/exchanges/{name}', { params: { path: { name: stored.id } } }))),
  exportSpec: (raw) => ({ type: raw.type, ...(raw.alternate_exchange ? { alternate_exchange: raw.alternate_exchange } : {}) }),
  exportName: (raw) => String(raw.name),
  isSystem: (raw) => isSystemName(raw.name),
};

/**
 * Declaring an existing queue again changes the policy fields it names and keeps its
 * messages and bindings: a changed policy is applied in place. A field the file leaves
 * out keeps its stored value (write `null` to clear a dead-letter queue or a limit).
 */
export const queueHandler: KindHandler = {
  kind: 'Queue',
  createPath: '/v1/queues',
  references: [],
  updatable: true,
  list: async (c) => named((await listAll((cursor) => orThrow(c.GET('/v1/queues', { params: { query: { limit: PAGE, cursor } } })))).map(asJson)),
  keyOf: (name) => name,
  // The api completes a policy with defaults: only what the file names is compared.
  diff: (stored, body) =>
    subsetDiffers((stored.policy ?? {}) as Json, (body.policy ?? {}) as Json) ? [{ field: 'policy', from: stored.policy, to: body.policy }] : [],
  create: async (c, body) => {
    const raw = asJson(await orThrow(c.POST('/v1/queues', { body: body as never })));
    return { id: String(raw.name), key: String(raw.name), raw };
  },
  update: async (c, stored, patch) => void (await orThrow(c.POST('/v1/queues', { body: { name: stored.id, policy: patch.policy } as never }))),
  remove: async (c, stored) => void (await orThrow(c.DELETE('/v1/queues/{name}', { params: { path: { name: stored.id }, query: {} } }))),
  exportSpec: (raw) => ({ policy: raw.policy }),
  exportName: (raw) => String(raw.name),
  isSystem: (raw) => isSystemName(raw.name),
};

const bindingKey = (body: Json) =>
  JSON.stringify([body.exchange, body.queue, body.binding_key ?? '', body.headers ?? {}, body.headers_match ?? 'all']);

export const bindingHandler: KindHandler = {
  kind: 'Binding',
  createPath: '/v1/bindings',
  references: [],
  updatable: false,
  list: async (c) =>
    (await listAll((cursor) => orThrow(c.GET('/v1/bindings', { params: { query: { limit: PAGE, cursor } } })))).map(asJson).map((raw) => ({
      id: String(raw.id),
      key: bindingKey(raw),
      raw,
    })),
  keyOf: (_name, body) => bindingKey(body),
  diff: (stored, body) => (bindingKey(stored) === bindingKey(body) ? [] : [{ field: 'spec', from: omit(stored, ['id', 'created_at']), to: body }]),
  create: async (c, body) => {
    const raw = asJson(await orThrow(c.POST('/v1/bindings', { body: body as never })));
    return { id: String(raw.id), key: bindingKey(raw), raw };
  },
  update: async () => undefined,
  remove: async (c, stored) => void (await orThrow(c.DELETE('/v1/bindings/{id}', byId(stored.id)))),
  exportSpec: (raw) => ({
    exchange: raw.exchange,
    queue: raw.queue,
    ...(raw.binding_key ? { binding_key: raw.binding_key } : {}),
    ...(Object.keys((raw.headers ?? {}) as Json).length > 0 ? { headers: raw.headers, headers_match: raw.headers_match } : {}),
  }),
  exportName: (raw) => `${String(raw.exchange) || 'default'}.${String(raw.queue)}${raw.binding_key ? `.${String(raw.binding_key)}` : ''}`.replace(/[^A-Za-z0-9_.:-]/g, '_'),
  isSystem: (raw) => isSystemName(raw.queue) || isSystemName(raw.exchange),
};
