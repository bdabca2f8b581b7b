import { retryDelayMs } from '../src';

describe('retryDelayMs', () => {
  const backoff = { initialDelayMs: 1000, multiplier: 2, maxDelayMs: 10_000, jitter: 0.5 };

  it('grows exponentially per failed attempt and is capped', () => {
    const top = () => 0;
    expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(backoff, attempt, top))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(retryDelayMs(backoff, 10_000, top)).toBe(10_000);
  });

  it('draws from [delay*(1-jitter), delay]', () => {
    expect(retryDelayMs(backoff, 2, () => 0.999999)).toBe(1000);
    expect(retryDelayMs(backoff, 2, () => 0.5)).toBe(1500);
    for (let i = 0; i < 100; i++) {
      const delay = retryDelayMs(backoff, 3);
      expect(delay).toBeGreaterThanOrEqual(2000);
      expect(delay).toBeLessThanOrEqual(4000);
    }
  });

  it('no jitter, no growth', () => {
    expect(retryDelayMs({ initialDelayMs: 250, multiplier: 1, maxDelayMs: 1000, jitter: 0 }, 7)).toBe(250);
  });
});
