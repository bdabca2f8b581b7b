import { orThrow } from '@interflow/client';
import { listAll } from '../../api';
import { changedFields } from '../compare';
import type { KindHandler } from '../kinds';
import { asJson, byId, named, omit, PAGE, type Json } from './shared';

/** Fields the api answers that a file does not declare. */
const DERIVED = ['id', 'name', 'created_at', 'updated_at'];

/** Without the nulls the api answers for channels a recipient does not have: what a file would say. */
const withoutNulls = (raw: Json): Json => Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== null));

/** Memberships compare as a set: the api answers them ordered by id, a file in any order. */
const sortedIds = (ids: unknown): string[] => [...new Set(ids as string[])].sort();

export const recipientGroupHandler: KindHandler = {
  kind: 'RecipientGroup',
  createPath: '/v1/groups',
  references: [],
  updatable: true,
  list: async (c) => named((await listAll((cursor) => orThrow(c.GET('/v1/groups', { params: { query: { limit: PAGE, cursor } } })))).map(asJson)),
  keyOf: (name) => name,
  diff: (stored, body) => changedFields(stored, body),
  create: async (c, body) => {
    const raw = asJson(await orThrow(c.POST('/v1/groups', { body: body as never })));
    return { id: String(raw.id), key: String(raw.name), raw };
  },
  update: async (c, stored, patch) => void (await orThrow(c.PATCH('/v1/groups/{id}', { ...byId(stored.id), body: patch as never }))),
  remove: async (c, stored) => void (await orThrow(c.DELETE('/v1/groups/{id}', byId(stored.id)))),
  exportSpec: (raw) => withoutNulls(omit(raw, [...DERIVED, 'member_count'])),
  exportName: (raw) => String(raw.name),
};

/**
 * Recipients: memberships by group name (`groups`), the webhook secret from env or a file
 * (`webhook_secret: {env|file}`), sent again only when its digest changed.
 */
export const recipientHandler: KindHandler = {
  kind: 'Recipient',
  createPath: '/v1/recipients',
  references: [{ specField: 'groups', bodyField: 'group_ids', kind: 'RecipientGroup', many: true }],
  updatable: true,
  secrets: { field: 'webhook_secret', storedNames: (raw) => (raw.webhook_url ? ['webhook_secret'] : []) },
  list: async (c) => named((await listAll((cursor) => orThrow(c.GET('/v1/recipients', { params: { query: { limit: PAGE, cursor } } })))).map(asJson)),
  keyOf: (name) => name,
  diff: (stored, body) => {
    const desired = omit(body, ['webhook_secret']);
    if (desired.group_ids !== undefined) desired.group_ids = sortedIds(desired.group_ids);
    return changedFields(stored, desired);
  },
  create: async (c, body) => {
    const raw = asJson(await orThrow(c.POST('/v1/recipients', { body: body as never })));
    return { id: String(raw.id), key: String(raw.name), raw: omit(raw, ['webhook_secret']) };
  },
  update: async (c, stored, patch) => void (await orThrow(c.PATCH('/v1/recipients/{id}', { ...byId(stored.id), body: patch as never }))),
  remove: async (c, stored) => void (await orThrow(c.DELETE('/v1/recipients/{id}', byId(stored.id)))),
  exportSpec: (raw, names) => {
    const spec = withoutNulls(omit(raw, [...DERIVED, 'group_ids']));
    const groups = (raw.group_ids as string[]).map((id) => names.nameOf('RecipientGroup', id) ?? id).sort();
    return groups.length > 0 ? { ...spec, groups } : spec;
  },
  exportName: (raw) => String(raw.name),
};
