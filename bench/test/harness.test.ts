import { parseCliOptions } from '../src/cli-options';
import { Countdown } from '../src/countdown';
import { percentiles, ratePerSecond } from '../src/percentiles';
import { jsonReport, medianResult, tableReport, type BenchmarkOutcome } from '../src/report';

describe('bench harness', () => {
  it('takes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentiles(samples)).toEqual({ p50: 50, p95: 95, p99: 99 });
    expect(percentiles([7])).toEqual({ p50: 7, p95: 7, p99: 7 });
    expect(() => percentiles([])).toThrow('no samples');
  });

  it('computes a rate per second from milliseconds', () => {
    expect(ratePerSecond(20_000, 500)).toBe(40_000);
  });

  it('parses --json and --only in both spellings and names an unknown flag', () => {
    expect(parseCliOptions(['--json', '--only', 'drain,latency', '--only=e2e'])).toEqual({
      json: true,
      only: ['drain', 'latency', 'e2e'],
      list: false,
      repeat: 1,
      help: false,
      broker: 'postgres',
    });
    expect(parseCliOptions(['--repeat', '3']).repeat).toBe(3);
    expect(() => parseCliOptions(['--repeat=0'])).toThrow('--repeat needs a whole number from 1 to 20');
    expect(() => parseCliOptions(['--fast'])).toThrow('unknown argument --fast');
    expect(() => parseCliOptions(['--only'])).toThrow('--only needs a benchmark name');
  });

  it('merges results into one object and refuses a key reported twice', () => {
    const outcome = (name: string, result: BenchmarkOutcome['result']): BenchmarkOutcome => ({ name, description: name, seconds: 1, result });
    const outcomes = [outcome('a', { a_per_s: 10 }), outcome('b', { b_ms: { p50: 1, p95: 2, p99: 3 } })];
    expect(jsonReport(outcomes)).toEqual({ a_per_s: 10, b_ms: { p50: 1, p95: 2, p99: 3 } });
    expect(tableReport(outcomes)).toContain('p50 1 / p95 2 / p99 3');
    expect(() => jsonReport([...outcomes, outcome('c', { a_per_s: 1 })])).toThrow('benchmark c reports a_per_s');
  });

  it('reports the median of repeated runs, each percentile on its own', () => {
    const runs = [
      { e2e_per_s: 900, latency_ms: { p50: 1, p95: 9, p99: 30 } },
      { e2e_per_s: 5000, latency_ms: { p50: 3, p95: 4, p99: 10 } },
      { e2e_per_s: 4000, latency_ms: { p50: 2, p95: 5, p99: 12 } },
    ];
    expect(medianResult(runs)).toEqual({ e2e_per_s: 4000, latency_ms: { p50: 2, p95: 5, p99: 12 } });
    expect(medianResult(runs.slice(0, 2))).toEqual({ e2e_per_s: 2950, latency_ms: { p50: 2, p95: 6.5, p99: 20 } });
  });

  it('counts down to its target and fails at its deadline', async () => {
    const finished = new Countdown(2, 'two ticks');
    const done = finished.within(10_000);
    finished.tick();
    finished.tick();
    await expect(done).resolves.toBeUndefined();
    const starved = new Countdown(3, 'three ticks');
    starved.tick();
    await expect(starved.within(20)).rejects.toThrow('waiting for three ticks: 1 of 3');
  });
});
