import YAML from 'yaml';
import { UsageError } from './usage-error';

export type OutputFormat = 'table' | 'json' | 'yaml';

export function outputFormat(value: string | undefined, fallback: OutputFormat = 'table'): OutputFormat {
  if (value === undefined) return fallback;
  if (value === 'table' || value === 'json' || value === 'yaml') return value;
  throw new UsageError(`-o ${value}: expected table, json or yaml`);
}

/** A column of a table: its heading and how to read it from a row. */
export interface Column<Row> {
  heading: string;
  value: (row: Row) => unknown;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Left-aligned columns separated by three spaces, like kubectl; no trailing spaces. */
export function renderTable<Row>(rows: Row[], columns: Column<Row>[]): string {
  const cells = [columns.map((column) => column.heading), ...rows.map((row) => columns.map((column) => cell(column.value(row))))];
  const widths = columns.map((_, index) => Math.max(...cells.map((line) => (line[index] ?? '').length)));
  return cells.map((line) => line.map((text, index) => (index === line.length - 1 ? text : text.padEnd(widths[index] ?? 0))).join('   ').trimEnd()).join('\n') + '\n';
}

export function renderData(data: unknown, format: 'json' | 'yaml'): string {
  return format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : YAML.stringify(data, { lineWidth: 0 });
}

/** A list as a table for people, or as `{items: [...]}` for scripts. */
export function renderList<Row>(rows: Row[], columns: Column<Row>[], format: OutputFormat): string {
  if (format === 'table') return rows.length === 0 ? 'No resources found.\n' : renderTable(rows, columns);
  return renderData({ items: rows }, format);
}
