import { KIND_NAMES } from './kinds';
import type { Declared } from './manifest';

/** The object of the same kind a declaration names and needs to exist first. */
function prerequisiteOf(item: Declared): unknown {
  if (item.kind === 'Queue') return (item.spec.policy as Record<string, unknown> | undefined)?.dead_letter_queue;
  if (item.kind === 'Exchange') return item.spec.alternate_exchange;
  return undefined;
}

/**
 * Declarations in the order they can be created: by kind (what others refer to first),
 * then within a kind after the object they name (a queue after its dead-letter queue, an
 * exchange after its alternate), then as written. A cycle keeps the written order; the
 * api names the problem.
 */
export function creationOrder(declared: Declared[]): Declared[] {
  const byName = new Map(declared.map((item) => [`${item.kind}/${item.name}`, item]));
  const depth = (item: Declared, seen: Set<Declared>): number => {
    const named = prerequisiteOf(item);
    const target = typeof named === 'string' ? byName.get(`${item.kind}/${named}`) : undefined;
    if (!target || seen.has(target)) return 0;
    return 1 + depth(target, new Set([...seen, item]));
  };
  return declared
    .map((item, index) => ({ item, index, kind: KIND_NAMES.indexOf(item.kind), depth: depth(item, new Set([item])) }))
    .sort((a, b) => a.kind - b.kind || a.depth - b.depth || a.index - b.index)
    .map(({ item }) => item);
}
