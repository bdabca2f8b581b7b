import { type Sql } from '@interflow/core';

export interface TakenSlot {
  slot: number;
  /** How long the deployment is still paused, in ms (0: it is not), as of taking the slot. */
  pauseLeftMs: number;
}

/**
 * Takes one of a deployment's `limit` numbered call slots, atomically across every
 * runner: it aims at the lowest slot that is free or expired, and the upsert's row lock
 * plus its `where` re-check mean two runners aiming at the same slot cannot both get it
 * (the loser gets nothing and tries again). A slot expires at `expiresInMs` so a runner
 * that dies mid-call frees it eventually. Returns the slot number, or null, and the
 * deployment's pause as the same statement sees it: a pause the slot's last holder
 * recorded before freeing it is always seen.
 */
export async function takeCallSlot(
  sql: Sql,
  deploymentId: string,
  limit: number,
  holderId: string,
  expiresInMs: number,
): Promise<TakenSlot | null> {
  const rows = await sql<{ slot: number; pause_left_ms: number | null }[]>`
    with taken as (
      insert into deployment_call_slots as s (deployment_id, slot, holder_id, expires_at)
      select ${deploymentId}, n, ${holderId}, clock_timestamp() + ${expiresInMs} * interval '1 millisecond'
        from generate_series(1, ${limit}::int) as n
       where not exists (
         select 1 from deployment_call_slots c
          where c.deployment_id = ${deploymentId} and c.slot = n and c.expires_at > clock_timestamp())
       order by n
       limit 1
      on conflict (deployment_id, slot) do update
        set holder_id = excluded.holder_id, expires_at = excluded.expires_at
        where s.expires_at <= clock_timestamp()
      returning slot
    )
    select slot, (select greatest(0, ceil(extract(epoch from until - clock_timestamp()) * 1000))::float8
                  from deployment_pauses where deployment_id = ${deploymentId}) as pause_left_ms
    from taken`;
  const row = rows[0];
  return row ? { slot: row.slot, pauseLeftMs: row.pause_left_ms ?? 0 } : null;
}

/** Frees a slot, only if this holder still has it (an expired slot may have a new holder). */
export async function releaseCallSlot(sql: Sql, deploymentId: string, slot: number, holderId: string): Promise<void> {
  await sql`delete from deployment_call_slots where deployment_id = ${deploymentId} and slot = ${slot} and holder_id = ${holderId}`;
}
