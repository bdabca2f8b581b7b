import type { HeaderSpec, ResponseSpec } from './operation-spec';

/** `If-Match` on a change: the ETag the client read, so a concurrent change is refused, not overwritten. */
export const ifMatchHeader: Record<string, HeaderSpec> = {
  'If-Match': { description: 'the ETag last read; a stale one is refused with 412 and nothing changes (without it, the change is made whatever happened since)' },
};

/** The ETag response header of one object. */
export const etagHeader = (what: string): Record<string, string> => ({ ETag: `the version of the ${what} (also its \`etag\` field), for If-Match` });

export const staleIfMatch: ResponseSpec = { description: 'If-Match is stale: it changed since it was read; nothing was changed' };
