import type { z } from 'zod';
import type { ReadinessReport } from '../db/readiness';
import { createSqlClient, type Sql } from '../db/sql-client';
import { ConfigError } from '../errors';
import { createReadinessProbe, type ReadinessCheck } from '../health/readiness-probe';
import { createLogger, type Logger } from '../logger/create-logger';
import { describeError } from '../logger/describe-error';
import { createMetricsRegistry, type MetricsRegistry } from '../metrics/metrics-registry';
import { parseConfig } from '../config/parse-config';
import type { BaseConfig } from '../config/base-config';
import { startTracing } from '../tracing/start-tracing';
import { installShutdown, type Shutdown } from './shutdown';

/**
 * Parses a daemon's configuration; on a bad or missing variable prints one JSON line
 * naming every problem and exits 1. Only `main.ts` files call this.
 */
export function parseConfigOrExit<Shape extends z.ZodRawShape>(
  service: string,
  schema: z.ZodObject<Shape>,
  env: Record<string, string | undefined>,
): z.infer<z.ZodObject<Shape>> {
  try {
    return parseConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(
      `${JSON.stringify({ level: 'error', service, message: 'invalid configuration', problems: error.problems })}\n`,
    );
    process.exit(1);
  }
}

export interface DaemonBase {
  logger: Logger;
  sql: Sql;
  metrics: MetricsRegistry;
  shutdown: Shutdown;
  /**
   * Not ready while draining, while the database is unreachable or migrations are
   * pending, or while one of the daemon's own checks fails. Answers within
   * READINESS_TIMEOUT_MS whatever the database does.
   */
  readiness(): Promise<ReadinessReport>;
}

export interface BootDaemonOptions {
  service: string;
  config: BaseConfig;
  /** Migration names this build expects (`migrationNames` of @interflow/migrations). */
  expectedMigrations: readonly string[];
  /** The daemon's own readiness conditions (the api and the runner: stored secrets open). */
  readinessChecks?: readonly ReadinessCheck[];
}

/** A readiness probe answers within this, whatever the database does. */
const READINESS_TIMEOUT_MS = 1500;
/** How often a daemon checks its own readiness, to log changes nobody probed for. */
const READINESS_WATCH_MS = 15_000;

/**
 * What every daemon starts with: tracing when the OTEL_* variables ask for it, a scoped JSON logger, the SQL pool, a metrics registry,
 * readiness, and signal handling whose last step closes the pool.
 */
export function bootDaemon(options: BootDaemonOptions): DaemonBase {
  const { config } = options;
  // First, so every span of the daemon has a provider; its shutdown step runs last and exports what is left.
  const tracing = startTracing({ service: options.service, config });
  const logger = createLogger({ service: options.service, level: config.LOG_LEVEL });
  const sql = createSqlClient({
    url: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA,
    max: config.DATABASE_POOL_SIZE,
    applicationName: `interflow-${options.service}`,
  });
  // Its own connection, which reconnects at once and gives up quickly: while the database
  // is down the pool's connections wait out a growing backoff, and a probe must not.
  const readinessSql = createSqlClient({
    url: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA,
    max: 1,
    applicationName: `interflow-${options.service}-readiness`,
    connectTimeoutSeconds: 2,
    reconnectBackoffSeconds: 0,
  });
  const metrics = createMetricsRegistry(options.service);
  const shutdown = installShutdown({ logger, graceMs: config.SHUTDOWN_GRACE_MS });
  shutdown.add('tracing', () => tracing.shutdown());
  shutdown.add('database pool', async () => {
    await Promise.all([sql.end({ timeout: 5 }), readinessSql.end({ timeout: 1 })]);
  });
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: describeError(reason) }));
  const readiness = createReadinessProbe({
    sql: readinessSql,
    expectedMigrations: options.expectedMigrations,
    checks: options.readinessChecks,
    timeoutMs: READINESS_TIMEOUT_MS,
    draining: () => shutdown.draining,
    logger,
  });
  // Probed or not, a daemon says when it turns unready (and ready again) in its log.
  const watch = setInterval(() => void readiness(), READINESS_WATCH_MS);
  watch.unref();
  setImmediate(() => void readiness());
  shutdown.add('readiness watch', async () => clearInterval(watch));
  return { logger, sql, metrics, shutdown, readiness };
}
