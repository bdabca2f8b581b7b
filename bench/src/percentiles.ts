import type { Percentiles } from './benchmark';

/** Nearest-rank percentiles of samples in milliseconds, rounded to 0.01 ms. */
export function percentiles(samples: readonly number[]): Percentiles {
  if (samples.length === 0) throw new Error('no samples to take percentiles of');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => {
    const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return Math.round((sorted[index] ?? 0) * 100) / 100;
  };
  return { p50: rank(50), p95: rank(95), p99: rank(99) };
}

/** Messages per second over a duration in milliseconds, rounded to a whole message. */
export function ratePerSecond(count: number, elapsedMs: number): number {
  return Math.round(count / (elapsedMs / 1000));
}

/** Milliseconds since `start` (a `performance.now()` reading). */
export function elapsedSince(start: number): number {
  return performance.now() - start;
}
