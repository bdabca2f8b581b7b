import { KIND_HANDLERS, type KindName, type Stored } from './kinds';
import type { Change } from './plan';
import { namesOf, type ClusterState } from './state';

type Json = Record<string, unknown>;

interface Dependent {
  kind: Extract<KindName, 'Binding' | 'Subscription'>;
  stored: Stored;
  exchange: string;
}

/**
 * Deleting an exchange drops every binding on it and leaves the subscriptions to it
 * without theirs. So a plan that replaces an exchange (its type changed, and
 * --replace-exchanges was given) also, before the exchange:
 * - deletes the bindings and subscriptions on it, and creates again after it those the
 *   files declare (those no file declares are deleted for good, and the diff says so);
 * and after it declares again the exchanges that name it as their alternate (deleting
 * an exchange clears that).
 */
export function withReplacedExchangeDependents(changes: Change[], state: ClusterState): Change[] {
  const replaced = new Set(changes.filter((c) => c.op === 'replace' && c.kind === 'Exchange').map((c) => c.name));
  if (replaced.size === 0) return changes;
  const onReplaced = (raw: Json) => replaced.has(String(raw.exchange));
  const dependents: Dependent[] = [
    ...state.stored.Subscription.filter((s) => onReplaced(s.raw)).map((stored) => ({ kind: 'Subscription' as const, stored, exchange: String(stored.raw.exchange) })),
    // A subscription's own binding (to its interflow.subscription.* queue) goes with the subscription.
    ...state.stored.Binding.filter((s) => onReplaced(s.raw) && !KIND_HANDLERS.Binding.isSystem?.(s.raw)).map((stored) => ({
      kind: 'Binding' as const,
      stored,
      exchange: String(stored.raw.exchange),
    })),
  ];
  const names = namesOf(state);
  const rest = [...changes];
  const deletesFirst: Change[] = [];
  for (const dependent of dependents) {
    const index = rest.findIndex((c) => c.kind === dependent.kind && c.stored?.id === dependent.stored.id);
    const existing = index >= 0 ? rest[index] : undefined;
    const record = state.applySet.records.find((r) => r.kind === dependent.kind && r.id === dependent.stored.id);
    const name = existing?.name ?? record?.name ?? KIND_HANDLERS[dependent.kind].exportName(dependent.stored.raw, names);
    const declared = existing !== undefined && existing.op !== 'delete';
    deletesFirst.push({
      op: 'delete',
      kind: dependent.kind,
      name,
      fields: [],
      stored: dependent.stored,
      ...(record ? { record } : {}),
      reason: `on exchange ${dependent.exchange}, which is replaced; ${declared ? 'created again after it' : 'no file declares it'}`,
    });
    if (!existing) continue;
    if (declared) {
      const { stored: _old, ...again } = existing;
      rest[index] = { ...again, op: 'create', fields: [], reason: `again, on the new exchange ${dependent.exchange}` };
    } else {
      rest.splice(index, 1);
    }
  }
  const alternates = rest.filter(
    (c) => c.kind === 'Exchange' && (c.op === 'unchanged' || c.op === 'adopt') && replaced.has(String(c.stored?.raw.alternate_exchange)),
  );
  const ordered = rest.filter((c) => !alternates.includes(c));
  const lastReplaced = ordered.map((c) => c.kind === 'Exchange' && c.op === 'replace').lastIndexOf(true);
  ordered.splice(
    lastReplaced + 1,
    0,
    ...alternates.map((c): Change => {
      const alternate = c.stored?.raw.alternate_exchange;
      return { ...c, op: 'update', fields: [{ field: 'alternate_exchange', from: null, to: alternate }], reason: `its alternate ${String(alternate)} is replaced` };
    }),
  );
  return [...deletesFirst, ...ordered];
}
