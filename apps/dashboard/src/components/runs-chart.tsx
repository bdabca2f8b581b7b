import type { Overview } from '../types';

const STATUSES = ['succeeded', 'failed', 'retrying', 'running', 'queued'] as const;
const WIDTH = 600;
const HEIGHT = 160;

/**
 * Runs per minute by status over the last hour, as stacked bars in SVG (no chart library:
 * a few rectangles). Its size is fixed, so new data never moves the page.
 */
export function RunsChart({ rows, minutes = 60 }: { rows: Overview['runs_per_minute']; minutes?: number }) {
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const first = now - (minutes - 1) * 60_000;
  const columns = Array.from({ length: minutes }, () => new Map<string, number>());
  for (const row of rows) {
    const index = Math.round((new Date(row.minute).getTime() - first) / 60_000);
    const column = columns[index];
    if (column) column.set(row.status, (column.get(row.status) ?? 0) + row.count);
  }
  const totals = columns.map((column) => [...column.values()].reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const barWidth = WIDTH / minutes;
  const total = totals.reduce((a, b) => a + b, 0);
  const byStatus = STATUSES.map((status) => [status, rows.filter((r) => r.status === status).reduce((a, r) => a + r.count, 0)] as const);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Runs per minute, last ${minutes} minutes: ${total} runs`}>
        {columns.map((column, index) => {
          let y = HEIGHT;
          return STATUSES.map((status) => {
            const count = column.get(status) ?? 0;
            if (count === 0) return null;
            const height = (count / max) * (HEIGHT - 4);
            y -= height;
            return <rect key={`${index}-${status}`} className={`bar-${status}`} x={index * barWidth + 1} y={y} width={barWidth - 2} height={height} />;
          });
        })}
      </svg>
      <figcaption className="legend">
        {byStatus.map(([status, count]) => (
          <span key={status}>
            <i className={`swatch bar-${status}`} aria-hidden="true" /> {status} {count}
          </span>
        ))}
        <span>max {max}/min</span>
      </figcaption>
    </figure>
  );
}
