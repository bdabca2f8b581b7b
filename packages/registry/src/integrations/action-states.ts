import { type Sql, keysetPage, type KeysetPage, type KeysetRequest, ValidationError } from '@interflow/core';

/**
 * An item a connector saw upstream: its foreign id, its content hash (nonce), or both.
 * With a fid, the nonce is that item's content version; without, the nonce alone says
 * whether this content was seen.
 */
export interface StateItem {
  fid?: string | null;
  nonce?: string | null;
}

export type StateVerdict = 'new' | 'changed' | 'seen';

export interface ActionState {
  fid: string | null;
  nonce: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  changedAt: Date;
}

interface StateRow {
  seq: string;
  fid: string | null;
  nonce: string | null;
  first_seen_at: Date;
  last_seen_at: Date;
  changed_at: Date;
}

function present(row: StateRow): ActionState {
  return { fid: row.fid, nonce: row.nonce, firstSeenAt: row.first_seen_at, lastSeenAt: row.last_seen_at, changedAt: row.changed_at };
}

function keyOf(item: StateItem): string {
  return item.fid != null ? `f:${item.fid}` : `n:${item.nonce ?? ''}`;
}

/** A batch must not name the same item twice: its verdict would depend on the order. */
function assertDistinct(items: StateItem[]): void {
  const seen = new Map<string, number>();
  const problems: { field: string; message: string }[] = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    const earlier = seen.get(key);
    if (earlier !== undefined) problems.push({ field: `items.${index}`, message: `repeats items.${earlier}` });
    else seen.set(key, index);
  });
  if (problems.length > 0) throw new ValidationError('the batch names an item twice', problems);
}

/**
 * Records a batch and says, item by item in order, whether it is new, changed (known fid,
 * different nonce) or seen. One transaction: new rows are inserted with `on conflict do
 * nothing` (so two concurrent batches cannot both call an item new), the rest are locked
 * and compared.
 */
export async function recordActionStates(sql: Sql, actionId: string, items: StateItem[], now: Date): Promise<StateVerdict[]> {
  assertDistinct(items);
  const withFid = items.filter((i) => i.fid != null);
  const nonceOnly = items.filter((i) => i.fid == null);
  return sql.begin(async (tx) => {
    const verdicts = new Map<string, StateVerdict>();
    if (withFid.length > 0) {
      const fids = withFid.map((i) => i.fid as string);
      const nonces = withFid.map((i) => i.nonce ?? null);
      const inserted = await tx<{ fid: string }[]>`
        insert into action_states (action_id, fid, nonce, first_seen_at, last_seen_at, changed_at)
        select ${actionId}, f, n, ${now}, ${now}, ${now} from unnest(${fids}::text[], ${nonces}::text[]) as t(f, n)
        on conflict (action_id, fid) where fid is not null do nothing
        returning fid`;
      for (const row of inserted) verdicts.set(`f:${row.fid}`, 'new');
      const known = withFid.filter((i) => !verdicts.has(keyOf(i)));
      if (known.length > 0) {
        const rows = await tx<{ fid: string; nonce: string | null }[]>`
          select fid, nonce from action_states where action_id = ${actionId} and fid = any(${known.map((i) => i.fid as string)}::text[])
          for update`;
        const stored = new Map(rows.map((r) => [r.fid, r.nonce]));
        const changed: StateItem[] = [];
        for (const item of known) {
          const differs = item.nonce != null && stored.get(item.fid as string) !== item.nonce;
          verdicts.set(keyOf(item), differs ? 'changed' : 'seen');
          if (differs) changed.push(item);
        }
        await tx`
          update action_states set last_seen_at = ${now}
          where action_id = ${actionId} and fid = any(${known.map((i) => i.fid as string)}::text[])`;
        if (changed.length > 0) {
          await tx`
            update action_states s set nonce = t.n, changed_at = ${now}
            from unnest(${changed.map((i) => i.fid as string)}::text[], ${changed.map((i) => i.nonce as string)}::text[]) as t(f, n)
            where s.action_id = ${actionId} and s.fid = t.f`;
        }
      }
    }
    if (nonceOnly.length > 0) {
      const nonces = nonceOnly.map((i) => i.nonce as string);
      const inserted = await tx<{ nonce: string }[]>`
        insert into action_states (action_id, fid, nonce, first_seen_at, last_seen_at, changed_at)
        select ${actionId}, null, n, ${now}, ${now}, ${now} from unnest(${nonces}::text[]) as t(n)
        on conflict (action_id, nonce) where fid is null do nothing
        returning nonce`;
      for (const row of inserted) verdicts.set(`n:${row.nonce}`, 'new');
      await tx`
        update action_states set last_seen_at = ${now}
        where action_id = ${actionId} and fid is null and nonce = any(${nonces}::text[])
          and not (nonce = any(${inserted.map((r) => r.nonce)}::text[]))`;
      for (const item of nonceOnly) if (!verdicts.has(keyOf(item))) verdicts.set(keyOf(item), 'seen');
    }
    return items.map((item) => verdicts.get(keyOf(item)) ?? 'seen');
  });
}

export async function listActionStates(
  sql: Sql,
  actionId: string,
  request: KeysetRequest & { fid?: string },
): Promise<KeysetPage<ActionState>> {
  const rows = await sql<StateRow[]>`
    select seq, fid, nonce, first_seen_at, last_seen_at, changed_at from action_states
    where action_id = ${actionId} and seq > ${request.after ?? '0'}
      and (${request.fid ?? null}::text is null or fid = ${request.fid ?? null})
    order by seq limit ${request.limit + 1}`;
  return keysetPage(rows, request.limit, present);
}

/** Forgets states: one fid, or every state of the action. Returns how many were deleted. */
export async function deleteActionStates(sql: Sql, actionId: string, filter: { fid?: string }): Promise<number> {
  const rows = await sql`
    delete from action_states
    where action_id = ${actionId} and (${filter.fid ?? null}::text is null or fid = ${filter.fid ?? null})
    returning seq`;
  return rows.length;
}
