import path from 'node:path';
import { PostgresBroker } from '@interflow/broker-postgres';
import { createSilentLogger, systemClock } from '@interflow/core';
import { createSchedule, generateSecretKeySpec } from '@interflow/registry';
import { createTestDatabase, freePort, startDaemon, waitFor, type DaemonProcess, type TestDatabase } from '@interflow/test-kit';
import { exchangeSpec, publishedFireTimes } from './support/producers';

/** The built producer as containers run it: real clock, real signals. */
const script = path.resolve(__dirname, '..', 'dist', 'main.js');

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  const broker = new PostgresBroker({ sql: db.sql, logger: createSilentLogger(), schema: db.schema });
  await broker.declareQueue({ name: 'fires' });
  await broker.close();
});

afterAll(async () => {
  await db.drop();
});

const SECRET_KEY = generateSecretKeySpec('test-key');

async function startProducer(): Promise<{ daemon: DaemonProcess; port: number }> {
  const port = await freePort();
  const daemon = await startDaemon({
    script,
    env: {
      DATABASE_URL: db.url,
      DATABASE_SCHEMA: db.schema,
      HEALTH_PORT: String(port),
      LOG_LEVEL: 'info',
      HOUSEKEEPING_INTERVAL_MS: '200',
      INTERFLOW_SECRET_KEY: SECRET_KEY,
    },
    readyUrl: `http://127.0.0.1:${port}/readyz`,
  });
  return { daemon, port };
}

const secondsBetween = (fires: string[]) => fires.slice(1).map((fire, i) => (Date.parse(fire) - Date.parse(fires[i] ?? '')) / 1000);

describe('the producer daemon', () => {
  it('loses no fire when killed outright and restarted, exports metrics, and exits 0 on SIGTERM', async () => {
    const schedule = await createSchedule(db.sql, exchangeSpec('daemon-per-second', { missedFirePolicy: { kind: 'backfill', limit: 100 } }), systemClock.now());
    const first = await startProducer();
    await waitFor(async () => (await publishedFireTimes(db.sql, schedule.id)).length >= 3, { description: 'three fires' });
    expect(await first.daemon.stop('SIGKILL')).toBeNull();
    const killedAt = Date.now();
    // leave a gap of a few fires while no producer runs
    await waitFor(() => Date.now() - killedAt > 2500, { intervalMs: 100 });

    const second = await startProducer();
    const restartedAt = Date.now();
    await waitFor(async () => {
      const fires = await publishedFireTimes(db.sql, schedule.id);
      return Date.parse(fires[fires.length - 1] ?? '') > restartedAt + 1000;
    }, { description: 'fires after the restart' });

    const metrics = await (await fetch(`http://127.0.0.1:${second.port}/metrics`)).text();
    expect(metrics).toMatch(/interflow_schedule_fires_total\{[^}]*outcome="published"[^}]*\} [1-9]/);
    expect(metrics).toContain('interflow_schedule_fire_lag_seconds_bucket');
    expect(metrics).toContain('interflow_schedule_missed_fires_total');
    // The killed producer's gauge lock died with its connection: the restarted one exports the queue gauges.
    const gauges = await waitFor(async () => {
      const text = await (await fetch(`http://127.0.0.1:${second.port}/metrics`)).text();
      return /interflow_queue_gauges_leader\{[^}]*\} 1/.test(text) ? text : undefined;
    }, { description: 'the queue gauges on the restarted producer' });
    expect(gauges).toMatch(/interflow_queue_messages\{[^}]*queue="fires"[^}]*state="ready"[^}]*\} \d+/);

    expect(await second.daemon.stop('SIGTERM')).toBe(0);
    expect(second.daemon.logs.some((line) => line.message === 'stopped')).toBe(true);
    const fires = await publishedFireTimes(db.sql, schedule.id);
    expect(new Set(fires).size).toBe(fires.length);
    expect(secondsBetween(fires).every((gap) => gap === 1)).toBe(true);
    expect(Date.parse(fires[fires.length - 1] ?? '') - Date.parse(fires[0] ?? '')).toBeGreaterThan(4000);
  });

  it('refuses a bad configuration, naming the variable', async () => {
    const daemon = await startDaemon({
      script,
      env: { DATABASE_URL: db.url, DATABASE_SCHEMA: db.schema, SCHEDULER_BATCH_SIZE: '0', HEALTH_PORT: String(await freePort()) },
    });
    expect(await daemon.exited).toBe(1);
    expect(daemon.stderr.join('')).toContain('SCHEDULER_BATCH_SIZE');
  });
});
