import { z } from 'zod';
import { ValidationError, type KeysetPage } from '@interflow/core';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/**
 * Query fields every list accepts. Spread into a list's query schema:
 * `z.strictObject({ ...pageQueryShape, status: ... })`.
 */
export const pageQueryShape = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(200).optional(),
};

/** What a list answers: the page, and the cursor of the next one (null on the last page). */
export interface PageBody<Item> {
  items: Item[];
  next_cursor: string | null;
}

/** The largest bigint PostgreSQL holds: the sequence positions cursors carry are bigints. */
const MAX_BIGINT = 9223372036854775807n;

/** A non-negative decimal that fits a PostgreSQL bigint (sequence positions, binding ids). */
export function isBigintPosition(text: string): boolean {
  return /^\d{1,19}$/.test(text) && BigInt(text) <= MAX_BIGINT;
}

const cursorPayload = z.strictObject({ after: z.string().refine(isBigintPosition) });

/**
 * Cursors are opaque to clients: base64url of `{"after": "<seq>"}`. Opaque so the
 * ordering key can change without breaking clients that only pass cursors back.
 */
export function encodeCursor(after: string): string {
  return Buffer.from(JSON.stringify({ after }), 'utf8').toString('base64url');
}

/**
 * The position a cursor stands for. A cursor that was not produced by us (not base64url
 * JSON, another shape, a position that is no bigint) is a 400 naming `cursor`, before
 * it can reach a query.
 */
export function decodeCursor(cursor: string | undefined): string | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const parsed = cursorPayload.safeParse(decoded);
    if (parsed.success) return parsed.data.after;
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError('invalid query: cursor', [
    { field: 'cursor', message: 'not a cursor this api produced; pass next_cursor from a previous page' },
  ]);
}

/** A core keyset page in the api's shape, items mapped to their JSON form. */
export function toPageBody<T, Item>(page: KeysetPage<T>, present: (item: T) => Item): PageBody<Item> {
  return { items: page.items.map(present), next_cursor: page.next === null ? null : encodeCursor(page.next) };
}

/** A zod schema documenting a list response in OpenAPI. */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item), next_cursor: z.string().nullable() });
}
