import { maxCallsWithin, msUntilToken, refilledTokens, takeToken, type RateLimitPolicy } from '../src/limits/token-bucket';

const fivePerSecond: RateLimitPolicy = { requests: 5, intervalMs: 1000, burst: 5 };

describe('token bucket arithmetic', () => {
  it('starts full and lets a burst through, then refuses with the wait until the next token', () => {
    let state = null;
    for (let i = 0; i < 5; i++) {
      const result = takeToken(state, 0, fivePerSecond);
      expect(result.granted).toBe(true);
      state = result.state;
    }
    const refused = takeToken(state, 0, fivePerSecond);
    expect(refused).toMatchObject({ granted: false, retryInMs: 200 });
  });

  it('refills at requests per interval, never above burst', () => {
    const empty = { tokens: 0, refilledAt: 1000 };
    expect(refilledTokens(empty, 1100, fivePerSecond)).toBeCloseTo(0.5);
    expect(refilledTokens(empty, 1200, fivePerSecond)).toBeCloseTo(1);
    expect(refilledTokens(empty, 60_000, fivePerSecond)).toBe(5);
    expect(takeToken(empty, 1200, fivePerSecond).granted).toBe(true);
  });

  it('adds nothing when the clock goes backwards', () => {
    expect(refilledTokens({ tokens: 0.5, refilledAt: 1000 }, 500, fivePerSecond)).toBe(0.5);
  });

  it('computes the wait for a partial token', () => {
    expect(msUntilToken(0.5, fivePerSecond)).toBe(100);
    expect(msUntilToken(1, fivePerSecond)).toBe(0);
    expect(msUntilToken(0, { requests: 1, intervalMs: 60_000, burst: 1 })).toBe(60_000);
  });

  it('bounds the calls in a window by burst plus refill', () => {
    expect(maxCallsWithin(4000, fivePerSecond)).toBe(25);
    expect(maxCallsWithin(1000, { requests: 10, intervalMs: 1000, burst: 1 })).toBe(11);
  });
});
