import type { Stored } from '../kinds';

export type Json = Record<string, unknown>;

/** Page size of the lists apply reads. */
export const PAGE = 500;
export const asJson = <T>(value: T): Json => value as unknown as Json;
export const byId = (id: string) => ({ params: { path: { id } } });
/**
 * By id, with `If-Match` the ETag read when the plan was made: the object must still be
 * what the plan was made against, else the api refuses (412) and nothing is overwritten.
 */
export const byIdIfUnchanged = (stored: Stored) => ({
  params: { path: { id: stored.id }, header: typeof stored.raw.etag === 'string' ? { 'If-Match': stored.raw.etag } : {} },
});
export const omit = (raw: Json, keys: string[]): Json => Object.fromEntries(Object.entries(raw).filter(([key]) => !keys.includes(key)));
/** Interflow's own topology (`interflow.` prefix): never declared or exported. */
export const isSystemName = (name: unknown) => typeof name === 'string' && name.startsWith('interflow.');

/** Objects the api names: keyed by name, with the id (or the name, for topology) as id. */
export const named = (items: Json[]): Stored[] => items.map((raw) => ({ id: String(raw.id ?? raw.name), key: String(raw.name), raw }));
