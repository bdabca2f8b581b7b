import crypto from 'node:crypto';
import { PostgresBroker } from '@interflow/broker-postgres';
import { createMetricsRegistry, createSilentLogger, createSqlClient, type Clock, type Sql } from '@interflow/core';
import { createKeyring, runRequestKeys, createSchedule, type Schedule, type ScheduleSpec } from '@interflow/registry';
import type { TestDatabase } from '@interflow/test-kit';
import type { FirePublisher } from '../../src/fire-publisher';
import { Scheduler } from '../../src/scheduler';
import { createSchedulerMetrics } from '../../src/scheduler-metrics';
import { defaultSchedulerSettings, type SchedulerSettings } from '../../src/scheduler-settings';

/** A producer as a test runs it: its own pool and broker, like a separate process. */
export interface TestProducer {
  scheduler: Scheduler;
  sql: Sql;
  broker: PostgresBroker;
  /** Closes the broker and the pool (after the scheduler stopped, or to "kill" it). */
  close(): Promise<void>;
}

/** The keys test producers sign run requests with (a fresh installation key per test run). */
export const TEST_RUN_REQUEST_KEYS = runRequestKeys(createKeyring({ id: 'test-key', key: crypto.randomBytes(32) }));

export function startTestProducer(
  db: TestDatabase,
  clock: Clock,
  settings: Partial<SchedulerSettings> = {},
  wrapPublisher: (broker: PostgresBroker, sql: Sql) => FirePublisher = (broker) => broker,
): TestProducer {
  const sql = createSqlClient({ url: db.url, schema: db.schema, max: 3, applicationName: 'test-producer' });
  const logger = createSilentLogger();
  const broker = new PostgresBroker({ sql, logger, schema: db.schema, clock });
  const scheduler = new Scheduler({
    sql,
    schema: db.schema,
    publisher: wrapPublisher(broker, sql),
    runRequestKeys: TEST_RUN_REQUEST_KEYS,
    logger,
    clock,
    metrics: createSchedulerMetrics(createMetricsRegistry('producer-test')),
    settings: { ...defaultSchedulerSettings, idleWakeMs: 25, ...settings },
  });
  return {
    scheduler,
    sql,
    broker,
    async close() {
      await broker.close().catch(() => undefined);
      await sql.end({ timeout: 1 });
    },
  };
}

export function exchangeSpec(name: string, overrides: Partial<ScheduleSpec> = {}): ScheduleSpec {
  return {
    name,
    description: '',
    enabled: true,
    target: { type: 'exchange', exchange: '', routingKey: 'fires', headers: { source: 'test' }, payload: { name } },
    rule: { type: 'cron', expression: '* * * * * *', timezone: 'UTC' },
    startAt: null,
    endAt: null,
    jitterMs: 0,
    ttlMs: null,
    priority: null,
    overlapPolicy: 'allow',
    missedFirePolicy: { kind: 'skip' },
    ...overrides,
  };
}

export function addSchedule(sql: Sql, clock: Clock, spec: ScheduleSpec): Promise<Schedule> {
  return createSchedule(sql, spec, clock.now());
}

/** Fire times (ISO) of the messages in a queue published by a schedule, oldest first. */
export async function publishedFireTimes(sql: Sql, scheduleId: string): Promise<string[]> {
  const rows = await sql<{ fire_time: string }[]>`
    select headers->>'x-fire-time' as fire_time from mq_messages
    where headers->>'x-schedule-id' = ${scheduleId}
    order by headers->>'x-fire-time'`;
  return rows.map((row) => row.fire_time);
}

export const isoSeconds = (start: Date, seconds: number[]) => seconds.map((s) => new Date(start.getTime() + s * 1000).toISOString());
