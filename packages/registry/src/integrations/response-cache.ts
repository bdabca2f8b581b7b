import { type SqlExecutor, jsonParam } from '@interflow/core';

/**
 * Successful responses of actions with a cache TTL, keyed by (action, hashRunInput(input)).
 * The runner stores; the api answers from it while fresh without calling the connector.
 */
export interface CachedResponse {
  response: unknown;
  runId: string | null;
  storedAt: Date;
  expiresAt: Date;
}

export async function findFreshResponse(sql: SqlExecutor, actionId: string, inputHash: string, now: Date): Promise<CachedResponse | null> {
  const [row] = await sql<{ response: unknown; run_id: string | null; stored_at: Date; expires_at: Date }[]>`
    select response, run_id, stored_at, expires_at from response_cache
    where action_id = ${actionId} and input_hash = ${inputHash} and expires_at > ${now}`;
  return row ? { response: row.response, runId: row.run_id, storedAt: row.stored_at, expiresAt: row.expires_at } : null;
}

/** Stores (or replaces) the response for this input, fresh for `ttlMs` from `now`. */
export async function storeCachedResponse(
  sql: SqlExecutor,
  entry: { actionId: string; inputHash: string; response: unknown; runId: string | null; ttlMs: number; now: Date },
): Promise<void> {
  const expiresAt = new Date(entry.now.getTime() + entry.ttlMs);
  await sql`
    insert into response_cache (action_id, input_hash, response, run_id, stored_at, expires_at)
    values (${entry.actionId}, ${entry.inputHash}, ${jsonParam(sql, entry.response)}, ${entry.runId}, ${entry.now}, ${expiresAt})
    on conflict (action_id, input_hash) do update
      set response = excluded.response, run_id = excluded.run_id, stored_at = excluded.stored_at, expires_at = excluded.expires_at`;
}

/**
 * Drops up to `limit` entries expired at `now` (the producer's housekeeping); answers how
 * many. Bounded so one round never holds a long delete; the caller repeats while full.
 */
export async function pruneResponseCache(sql: SqlExecutor, now: Date, limit: number): Promise<number> {
  const deleted = await sql`
    delete from response_cache where ctid = any(array(
      select ctid from response_cache where expires_at <= ${now} limit ${limit}))`;
  return deleted.count;
}
