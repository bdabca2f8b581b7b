import { type Sql } from '@interflow/core';
import { msUntilToken, type RateLimitPolicy, tokensPerMs } from './token-bucket';

export type RateTokenResult = { granted: true } | { granted: false; retryInMs: number };

/**
 * Takes one token from a deployment's bucket, atomically across every runner. One upsert:
 * the row lock serialises concurrent takers and each sees the latest bucket; the bucket
 * refills from the database's clock (`clock_timestamp()`, read under the lock) so runners
 * on hosts with skewed clocks still agree. Same arithmetic as `takeToken` in
 * token-bucket.ts. Never lets more than `burst + elapsed * rate` calls pass.
 * Params: deployment id, policy.
 */
export async function takeRateToken(sql: Sql, deploymentId: string, policy: RateLimitPolicy): Promise<RateTokenResult> {
  const burst = sql`${policy.burst}::float8`;
  const available = sql`least(${burst},
    b.tokens + greatest(0, extract(epoch from clock_timestamp() - b.refilled_at) * 1000) * ${tokensPerMs(policy)}::float8)`;
  const rows = await sql<{ granted: boolean; tokens: number }[]>`
    insert into deployment_rate_buckets as b (deployment_id, tokens, refilled_at, last_take_granted)
    values (${deploymentId}, ${burst} - 1, clock_timestamp(), true)
    on conflict (deployment_id) do update
      set tokens = case when ${available} >= 1 then ${available} - 1 else ${available} end,
          last_take_granted = ${available} >= 1,
          refilled_at = greatest(b.refilled_at, clock_timestamp())
    returning last_take_granted as granted, tokens`;
  const row = rows[0];
  if (!row) throw new Error('the rate-limit upsert returned no row');
  if (row.granted) return { granted: true };
  return { granted: false, retryInMs: Math.max(1, msUntilToken(row.tokens, policy)) };
}
