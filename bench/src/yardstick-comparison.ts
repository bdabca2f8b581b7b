import type { BenchmarkResult, Percentiles } from './benchmark';
import type { BenchmarkOutcome } from './report';

/** The name of the plain amqplib benchmark (bench/src/benchmarks/amqplib-yardstick.ts). */
export const YARDSTICK = 'amqplib';

/**
 * The targets as ratios of the broker's numbers to plain amqplib's, measured in
 * the same run: `drain_vs_amqplib` and `e2e_vs_amqplib` (target ≥ 0.8) and
 * `latency_p99_vs_amqplib` (target ≤ 2). Null when the run lacks either side.
 */
export function compareWithYardstick(outcomes: BenchmarkOutcome[]): BenchmarkOutcome | null {
  const merged: BenchmarkResult = Object.assign({}, ...outcomes.map((outcome) => outcome.result));
  const result: BenchmarkResult = {};
  const ratio = (ours: unknown, theirs: unknown) => (typeof ours === 'number' && typeof theirs === 'number' && theirs > 0 ? Math.round((ours / theirs) * 100) / 100 : null);
  const drain = ratio(merged.drain_per_s, merged.amqplib_drain_per_s);
  const e2e = ratio(merged.e2e_per_s, merged.amqplib_e2e_per_s);
  const latency = ratio((merged.latency_ms as Percentiles | undefined)?.p99, (merged.amqplib_latency_ms as Percentiles | undefined)?.p99);
  if (drain !== null) result.drain_vs_amqplib = drain;
  if (e2e !== null) result.e2e_vs_amqplib = e2e;
  if (latency !== null) result.latency_p99_vs_amqplib = latency;
  if (Object.keys(result).length === 0) return null;
  return { name: 'vs_amqplib', description: 'the broker over plain amqplib, same run (targets: drain, e2e >= 0.8; latency p99 <= 2)', seconds: 0, result };
}
