import type { BenchmarkResult, Percentiles } from './benchmark';

export interface BenchmarkOutcome {
  name: string;
  description: string;
  seconds: number;
  result: BenchmarkResult;
}

/**
 * The median of each number over repeated runs of one benchmark (each percentile on its
 * own): one noisy run on a shared machine then moves the report less.
 */
export function medianResult(runs: readonly BenchmarkResult[]): BenchmarkResult {
  const [first] = runs;
  if (!first) throw new Error('no runs to take the median of');
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    const value = sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
    return Math.round(value * 100) / 100;
  };
  const result: BenchmarkResult = {};
  for (const [key, value] of Object.entries(first)) {
    const values = runs.map((run) => run[key]);
    if (typeof value === 'number') {
      result[key] = median(values.map((v) => (typeof v === 'number' ? v : Number.NaN)));
    } else {
      const sets = values.filter((v): v is Percentiles => typeof v === 'object');
      result[key] = { p50: median(sets.map((s) => s.p50)), p95: median(sets.map((s) => s.p95)), p99: median(sets.map((s) => s.p99)) };
    }
  }
  return result;
}

/** Every benchmark's keys merged into the one object `--json` prints. */
export function jsonReport(outcomes: readonly BenchmarkOutcome[]): Record<string, number | Percentiles> {
  const merged: Record<string, number | Percentiles> = {};
  for (const outcome of outcomes) {
    for (const [key, value] of Object.entries(outcome.result)) {
      if (key in merged) throw new Error(`benchmark ${outcome.name} reports ${key}, which another benchmark reported already`);
      merged[key] = value;
    }
  }
  return merged;
}

/** A plain-text table: one row per reported key. */
export function tableReport(outcomes: readonly BenchmarkOutcome[]): string {
  const rows: [string, string, string][] = [['benchmark', 'metric', 'value']];
  for (const outcome of outcomes) {
    for (const [key, value] of Object.entries(outcome.result)) {
      rows.push([outcome.name, key, formatValue(value)]);
    }
  }
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  const line = (row: [string, string, string]) =>
    row.map((cell, column) => (column === 2 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ');
  const [header, ...body] = rows;
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const lines = [line(header ?? ['', '', '']), rule, ...body.map(line), '', ...outcomes.map((o) => `${o.name}: ${o.description} (${o.seconds.toFixed(1)} s)`)];
  return lines.join('\n');
}

function formatValue(value: number | Percentiles): string {
  if (typeof value === 'number') return value.toLocaleString('en-US');
  return `p50 ${value.p50} / p95 ${value.p95} / p99 ${value.p99}`;
}
