import crypto from 'node:crypto';
import { search } from 'jmespath';
import { ValidationError } from '@interflow/core';
import { canonicalJson } from './run-input';

/**
 * An action that polls a collection: where the items are in a run's response, what
 * identifies an item, what says its content changed, and whether one run sees the whole
 * collection (a snapshot: an item missing from it was deleted) or only a part of it (a
 * page, a "changed since" window: nothing can be called deleted). Paths are JMESPath,
 * as the HTTP connector's `pick`.
 */
export interface CollectionPoller {
  /** Where the item array is in the response; `@` when the response is the array. */
  items: string;
  /** The item's id inside an item (a string or a number). */
  id: string;
  /** The item's content hash or version inside an item; null: a hash of the whole item. */
  hash: string | null;
  /** True: each run returns the whole collection, so an item it lacks is deleted. */
  snapshot: boolean;
}

/** One item of a run's response, as states compare it. */
export interface PolledItem {
  fid: string;
  nonce: string;
  item: unknown;
}

/** The response does not have the shape the poller declares: the run fails with this reason. */
export class PolledResponseMismatch extends Error {}

/** Refuses an expression JMESPath cannot compile (400 naming the field). */
export function assertValidPoller(poller: CollectionPoller, field = 'poller'): void {
  const problems: { field: string; message: string }[] = [];
  for (const key of ['items', 'id', 'hash'] as const) {
    const expression = poller[key];
    if (expression === null) continue;
    try {
      // Searching an empty document compiles the expression (what the HTTP connector checks too).
      search({}, expression);
    } catch (error) {
      problems.push({ field: `${field}.${key}`, message: `not a JMESPath expression: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  if (problems.length > 0) throw new ValidationError('the poller names a path that cannot be read', problems);
}

/**
 * The items of a response, with ids and content hashes. An item repeated in one response
 * (offset pagination shifting under the poll) counts once: its first occurrence.
 */
export function polledItems(poller: CollectionPoller, response: unknown): PolledItem[] {
  const items: unknown = search(response as never, poller.items);
  if (!Array.isArray(items)) {
    throw new PolledResponseMismatch(`the poller's items path '${poller.items}' does not lead to an array in the response`);
  }
  const found = new Map<string, PolledItem>();
  items.forEach((item: unknown, index) => {
    const id: unknown = search(item as never, poller.id);
    if (typeof id !== 'string' && typeof id !== 'number') {
      throw new PolledResponseMismatch(`item ${index} has no id at '${poller.id}' (a string or a number)`);
    }
    const fid = String(id);
    if (found.has(fid)) return;
    found.set(fid, { fid, nonce: contentVersion(poller, item), item });
  });
  return [...found.values()];
}

function contentVersion(poller: CollectionPoller, item: unknown): string {
  if (poller.hash !== null) {
    const value: unknown = search(item as never, poller.hash);
    return typeof value === 'string' ? value : canonicalJson(value ?? null);
  }
  return crypto.createHash('sha256').update(canonicalJson(item)).digest('base64url');
}
