import type { ChildProcess } from 'node:child_process';
import { DAEMON_HEAP_LIMIT_MB } from '@interflow/core';
import { freePort } from '@interflow/local-postgres';
import path from 'node:path';
import type { Benchmark, BenchmarkContext } from '../benchmark';
import { cpuSeconds, startDaemon, stopDaemon } from '../daemon-process';
import { histogramQuantile, parseHistogram } from './prometheus-histogram';

const SCHEDULES = 10_000;
const WINDOW_SECONDS = 60;
const QUEUE = 'bench.schedule_fires';
/** Time to let the producer settle before the first fire. */
const LEAD_MS = 3000;
/** After the window, how long the producer may take to publish what is left. */
const DRAIN_TIMEOUT_MS = 120_000;
const PRODUCER_SCRIPT = path.resolve(__dirname, '..', '..', '..', 'apps', 'producer', 'dist', 'main.js');

/**
 * `schedule_*`: 10,000 schedules due every second for one minute, fired by one producer
 * daemon (the built `apps/producer`, a separate process, default configuration). Every
 * fire must be published exactly once; the lag from due time to committed publish is
 * the producer's own histogram (p99 interpolated like `histogram_quantile`); CPU is
 * the producer process's user+system time over the minute, as a percentage of one core.
 */
export const scheduleBenchmark: Benchmark = {
  name: 'schedule',
  description: `${SCHEDULES} per-second schedules for ${WINDOW_SECONDS} s, one producer`,
  async run(context) {
    const broker = await context.createBroker({ poolSize: 2 });
    await broker.declareQueue({ name: QUEUE });
    const port = await freePort();
    const producer = await startProducer(context, port);
    try {
      const firstFire = Math.ceil((Date.now() + LEAD_MS) / 1000) * 1000;
      await insertSchedules(context, new Date(firstFire));
      context.progress(`${SCHEDULES} schedules from ${new Date(firstFire).toISOString()}; waiting for the window to pass`);
      await sleepUntil(firstFire);
      const cpuAtStart = cpuSeconds(producer);
      const finished = await waitForAllFired(context, firstFire + WINDOW_SECONDS * 1000 + DRAIN_TIMEOUT_MS);
      const cpuUsed = cpuSeconds(producer) - cpuAtStart;
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      const lag = parseHistogram(metrics, 'interflow_schedule_fire_lag_seconds');
      const { total, distinct } = await countPublished(context);
      return {
        schedule_fires_expected: SCHEDULES * WINDOW_SECONDS,
        schedule_fires_published: distinct,
        schedule_fires_duplicated: total - distinct,
        schedule_fires_missed: counterValue(metrics, 'interflow_schedule_missed_fires_total'),
        schedule_fire_lag_ms: {
          p50: round(histogramQuantile(lag, 0.5) * 1000),
          p95: round(histogramQuantile(lag, 0.95) * 1000),
          p99: round(histogramQuantile(lag, 0.99) * 1000),
        },
        schedule_fire_lag_p99_ms: round(histogramQuantile(lag, 0.99) * 1000),
        producer_cpu_percent: round((cpuUsed / ((finished - firstFire) / 1000)) * 100),
      };
    } finally {
      await stopDaemon(producer);
    }
  },
};

const round = (value: number) => Math.round(value * 10) / 10;

async function insertSchedules(context: BenchmarkContext, firstFire: Date): Promise<void> {
  const end = new Date(firstFire.getTime() + WINDOW_SECONDS * 1000);
  await context.sql`
    insert into schedules (name, target_type, exchange, routing_key, payload, rule_type, cron_expression,
                           anchor_at, start_at, end_at, next_fire_at)
    select 'bench-' || n, 'exchange', '', ${QUEUE}, jsonb_build_object('n', n), 'cron', '* * * * * *',
           ${firstFire}, ${firstFire}, ${end}, ${firstFire}
    from generate_series(1, ${SCHEDULES}) as n`;
}

/** Resolves with the time the last schedule ran out of fires (end_at passed and all published). */
async function waitForAllFired(context: BenchmarkContext, deadline: number): Promise<number> {
  for (;;) {
    const [row] = await context.sql<{ left: number }[]>`select count(*)::int as left from schedules where next_fire_at is not null`;
    if (row?.left === 0) return Date.now();
    if (Date.now() > deadline) throw new Error(`timed out: ${row?.left} schedules still have fires to publish`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function countPublished(context: BenchmarkContext): Promise<{ total: number; distinct: number }> {
  const [row] = await context.sql<{ total: number; distinct: number }[]>`
    select count(*)::int as total,
           count(distinct (headers->>'x-schedule-id', headers->>'x-fire-time'))::int as distinct
    from mq_messages where queue = ${QUEUE}`;
  return { total: row?.total ?? 0, distinct: row?.distinct ?? 0 };
}

function counterValue(metrics: string, name: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
  return line ? Number(line.split(' ').pop()) : 0;
}

function startProducer(context: BenchmarkContext, port: number): Promise<ChildProcess> {
  return startDaemon({
    name: 'the producer',
    script: PRODUCER_SCRIPT,
    env: { DATABASE_URL: context.url, DATABASE_SCHEMA: context.schema, HEALTH_PORT: String(port), LOG_LEVEL: 'warn' },
    heapLimitMb: DAEMON_HEAP_LIMIT_MB.producer,
    readyUrl: `http://127.0.0.1:${port}/readyz`,
  });
}

function sleepUntil(instant: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, instant - Date.now())));
}

