import { search } from 'jmespath';
import type { Operation } from './http-deployment';

export type Pagination = NonNullable<Operation['pagination']>;

export interface PageSeen {
  /** The URL the page came from (relative next links resolve against it). */
  url: URL;
  linkHeader: string | null;
  body: unknown;
}

/** The `rel="next"` target of an RFC 8288 Link header, or null. */
export function nextFromLinkHeader(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!match) continue;
    const rels = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(match[2] ?? '');
    if (rels && rels[1]?.split(/\s+/).includes('next')) return match[1] ?? null;
  }
  return null;
}

/**
 * Where the next page is, after one page: from the Link header, a next-URL field or a
 * cursor field of the body; null when there is none (an empty or missing value ends it).
 * Pure, so each kind is table-tested.
 */
export function nextPageUrl(pagination: Pagination, page: PageSeen): URL | null {
  switch (pagination.kind) {
    case 'link_header': {
      const next = nextFromLinkHeader(page.linkHeader);
      return next ? new URL(next, page.url) : null;
    }
    case 'next_url': {
      const next = search(page.body as object, pagination.next_url_path) as unknown;
      return typeof next === 'string' && next !== '' ? new URL(next, page.url) : null;
    }
    case 'cursor': {
      const cursor = search(page.body as object, pagination.cursor_path) as unknown;
      if (cursor === null || cursor === undefined || cursor === '' || typeof cursor === 'object') return null;
      const url = new URL(page.url);
      url.searchParams.set(pagination.cursor_param, String(cursor));
      return url;
    }
  }
}

/**
 * The items of the pages together: each page's pick when it is an array (concatenated),
 * else the page's pick as one item.
 */
export function collectPages(picks: unknown[]): unknown[] {
  return picks.flatMap((pick) => (Array.isArray(pick) ? pick : pick === null || pick === undefined ? [] : [pick]));
}
