import { ValidationError } from '@interflow/core';
import { isBigintPosition } from './pagination';

export interface Page<Item> {
  items: Item[];
  next_cursor: string | null;
}

/**
 * One page of a list the broker returns whole (exchanges, queues, bindings: a few
 * hundred at most), ordered by a unique string key. The cursor is the last key of the
 * previous page, opaque to clients (base64url), so a page is stable while items are
 * added or removed elsewhere in the list. `numeric` orders decimal ids (binding ids) by value.
 */
export function paginateByKey<Item>(
  items: readonly Item[],
  keyOf: (item: Item) => string,
  query: { limit: number; cursor?: string | undefined },
  order: 'text' | 'numeric' = 'text',
): Page<Item> {
  const compare = order === 'numeric' ? compareNumeric : compareText;
  const after = query.cursor ? decodeCursor(query.cursor, order) : undefined;
  const sorted = [...items].sort((a, b) => compare(keyOf(a), keyOf(b)));
  const rest = after === undefined ? sorted : sorted.filter((item) => compare(keyOf(item), after) > 0);
  const page = rest.slice(0, query.limit);
  const last = page[page.length - 1];
  const more = rest.length > page.length;
  return { items: page, next_cursor: more && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Decimal ids (bigint identities) in numeric order: shorter first, then digit by digit. */
function compareNumeric(a: string, b: string): number {
  return a.length - b.length || compareText(a, b);
}

function encodeCursor(key: string): string {
  return Buffer.from(JSON.stringify({ after: key }), 'utf8').toString('base64url');
}

/** The key a cursor stands for; numeric keys must be bigints. Anything else is a 400 naming `cursor`. */
function decodeCursor(cursor: string, order: 'text' | 'numeric'): string {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown } | null;
    const after = decoded?.after;
    if (typeof after === 'string' && (order === 'text' || isBigintPosition(after))) return after;
  } catch {
    // falls through to the validation error below
  }
  throw new ValidationError('invalid query: cursor', [
    { field: 'cursor', message: 'not a cursor this api produced; pass next_cursor from a previous page' },
  ]);
}
