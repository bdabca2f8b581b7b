import type { BenchmarkResult, Percentiles } from './benchmark';

export interface BenchmarkOutcome {
  name: string;
  description: string;
  seconds: number;
  result: BenchmarkResult;
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
