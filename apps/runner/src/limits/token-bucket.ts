/**
 * Token-bucket arithmetic for per-deployment rate limits: a bucket holds at most `burst`
 * tokens and refills at `requests / intervalMs`; a call takes one token. Pure, so the
 * rules are tested without a database; `take-rate-token.ts` applies the same rules in
 * one SQL statement.
 */

export interface RateLimitPolicy {
  /** Requests allowed per interval on average. */
  requests: number;
  intervalMs: number;
  /** Tokens the bucket holds at most: how many calls may go at once after a quiet spell. */
  burst: number;
}

export interface BucketState {
  tokens: number;
  refilledAt: number;
}

export function tokensPerMs(policy: RateLimitPolicy): number {
  return policy.requests / policy.intervalMs;
}

/** The tokens a bucket holds at `now`; a clock that went backwards adds nothing. */
export function refilledTokens(state: BucketState, now: number, policy: RateLimitPolicy): number {
  const elapsed = Math.max(0, now - state.refilledAt);
  return Math.min(policy.burst, state.tokens + elapsed * tokensPerMs(policy));
}

/** How long until a bucket holding `tokens` has a whole one. */
export function msUntilToken(tokens: number, policy: RateLimitPolicy): number {
  if (tokens >= 1) return 0;
  return Math.ceil((1 - tokens) / tokensPerMs(policy));
}

export type TakeResult = { granted: true; state: BucketState } | { granted: false; state: BucketState; retryInMs: number };

/** Takes one token if there is one. A missing bucket starts full. */
export function takeToken(state: BucketState | null, now: number, policy: RateLimitPolicy): TakeResult {
  const available = state ? refilledTokens(state, now, policy) : policy.burst;
  const refilledAt = state ? Math.max(state.refilledAt, now) : now;
  if (available >= 1) return { granted: true, state: { tokens: available - 1, refilledAt } };
  return { granted: false, state: { tokens: available, refilledAt }, retryInMs: msUntilToken(available, policy) };
}

/** At most this many calls can pass in `windowMs` (a full bucket plus the refill). */
export function maxCallsWithin(windowMs: number, policy: RateLimitPolicy): number {
  return Math.floor(policy.burst + windowMs * tokensPerMs(policy));
}

export function assertValidPolicy(policy: RateLimitPolicy): void {
  if (!(policy.requests > 0) || !(policy.intervalMs > 0) || !(policy.burst >= 1)) {
    throw new Error(`invalid rate limit: ${JSON.stringify(policy)} (requests > 0, interval_ms > 0, burst >= 1)`);
  }
}
