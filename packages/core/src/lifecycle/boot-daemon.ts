import type { z } from 'zod';
import { checkReadiness, type ReadinessReport } from '../db/readiness';
import { createSqlClient, type Sql } from '../db/sql-client';
import { ConfigError } from '../errors';
import { createLogger, type Logger } from '../logger/create-logger';
import { createMetricsRegistry, type MetricsRegistry } from '../metrics/metrics-registry';
import { parseConfig } from '../config/parse-config';
import type { BaseConfig } from '../config/base-config';
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
  /** Not ready while draining, while the database is unreachable or migrations are pending. */
  readiness(): Promise<ReadinessReport>;
}

export interface BootDaemonOptions {
  service: string;
  config: BaseConfig;
  /** Migration names this build expects (`migrationNames` of @interflow/migrations). */
  expectedMigrations: readonly string[];
}

/**
 * What every daemon starts with: a scoped JSON logger, the SQL pool, a metrics registry,
 * readiness, and signal handling whose last step closes the pool.
 */
export function bootDaemon(options: BootDaemonOptions): DaemonBase {
  const { config } = options;
  const logger = createLogger({ service: options.service, level: config.LOG_LEVEL });
  const sql = createSqlClient({
    url: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA,
    max: config.DATABASE_POOL_SIZE,
    applicationName: `interflow-${options.service}`,
  });
  const metrics = createMetricsRegistry(options.service);
  const shutdown = installShutdown({ logger, graceMs: config.SHUTDOWN_GRACE_MS });
  shutdown.add('database pool', () => sql.end({ timeout: 5 }));
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: reason }));
  return {
    logger,
    sql,
    metrics,
    shutdown,
    async readiness() {
      if (shutdown.draining) return { ready: false, checks: { database: 'ok', migrations: 'ok' }, draining: true };
      return checkReadiness(sql, options.expectedMigrations);
    },
  };
}
