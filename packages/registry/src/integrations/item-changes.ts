import { type SqlExecutor } from '@interflow/core';
import type { PolledItem } from './collection-poller';

export type ItemChangeKind = 'created' | 'changed' | 'deleted';

export interface ItemChange {
  kind: ItemChangeKind;
  fid: string;
  /** The content version now (created, changed) or last known (deleted). */
  nonce: string | null;
  /** The item as the response gave it; null for a deleted item. */
  item: unknown;
}

/**
 * Compares a poll's items with the action's states and records them: new ids are
 * created, known ids with another content version changed, and, for a snapshot, known
 * ids the poll lacks deleted (their states removed). Runs inside the caller's
 * transaction (the run's end), under a lock per action, so two runs of one poller
 * compare one after the other and a change is reported by exactly one of them; if the
 * transaction rolls back, nothing was recorded and the next attempt reports it again.
 */
export async function recordPolledItems(
  tx: SqlExecutor,
  actionId: string,
  items: PolledItem[],
  options: { snapshot: boolean; now: Date },
): Promise<ItemChange[]> {
  const { now } = options;
  await tx`select pg_advisory_xact_lock(hashtextextended(${`interflow.poller:${actionId}`}, 0))`;
  const fids = items.map((i) => i.fid);
  const rows = await tx<{ fid: string; nonce: string | null }[]>`
    select fid, nonce from action_states where action_id = ${actionId} and fid = any(${fids}::text[])`;
  const stored = new Map(rows.map((row) => [row.fid, row.nonce]));
  const changes: ItemChange[] = [];
  const created: PolledItem[] = [];
  const changed: PolledItem[] = [];
  for (const item of items) {
    if (!stored.has(item.fid)) created.push(item);
    else if (stored.get(item.fid) !== item.nonce) changed.push(item);
  }
  if (created.length > 0) {
    await tx`
      insert into action_states (action_id, fid, nonce, first_seen_at, last_seen_at, changed_at)
      select ${actionId}, f, n, ${now}, ${now}, ${now} from unnest(${created.map((i) => i.fid)}::text[], ${created.map((i) => i.nonce)}::text[]) as t(f, n)`;
  }
  if (changed.length > 0) {
    await tx`
      update action_states s set nonce = t.n, changed_at = ${now}
      from unnest(${changed.map((i) => i.fid)}::text[], ${changed.map((i) => i.nonce)}::text[]) as t(f, n)
      where s.action_id = ${actionId} and s.fid = t.f`;
  }
  if (rows.length > 0) {
    await tx`update action_states set last_seen_at = ${now} where action_id = ${actionId} and fid = any(${rows.map((r) => r.fid)}::text[])`;
  }
  for (const item of created) changes.push({ kind: 'created', fid: item.fid, nonce: item.nonce, item: item.item });
  for (const item of changed) changes.push({ kind: 'changed', fid: item.fid, nonce: item.nonce, item: item.item });
  if (options.snapshot) {
    const gone = await tx<{ fid: string; nonce: string | null }[]>`
      delete from action_states
      where action_id = ${actionId} and fid is not null and not (fid = any(${fids}::text[]))
      returning fid, nonce`;
    for (const row of gone) changes.push({ kind: 'deleted', fid: row.fid, nonce: row.nonce, item: null });
  }
  return changes;
}
