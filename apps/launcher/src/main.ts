import { createLogger, failureLine, parseConfigOrExit } from '@interflow/core';
import { migrate, migrations } from '@interflow/migrations';
import { launcherConfigSchema } from './config';
import { provideDatabase } from './database';
import { daemonSpecs } from './daemons';
import { exampleSetup, httpConnectorSetup, registerExampleWhenUp } from './example-startup';
import { provideSecretKey } from './secret-key-file';
import { shutdownBudget } from './shutdown-budget';
import { superviseDaemons } from './supervisor';

/**
 * `npm start`: a database (embedded unless DATABASE_URL is set), migrations, then api,
 * producer and runner as child processes (with EXAMPLE, also the example connector and
 * its fake orders API, registered once the api answers). SIGINT/SIGTERM stops the children, then the
 * embedded server, and exits 0; a daemon that dies on its own stops everything (exit 1).
 */
async function main(): Promise<void> {
  const config = parseConfigOrExit('launcher', launcherConfigSchema, process.env);
  const logger = createLogger({ service: 'launcher', level: config.LOG_LEVEL });
  const database = await provideDatabase(config, logger);
  let exitCode = 0;
  try {
    await migrate({ url: database.url, schema: config.DATABASE_SCHEMA, migrations, logger });
    const secretKey = provideSecretKey(config.INTERFLOW_SECRET_KEY, config.DATA_DIR, logger);
    const example = await exampleSetup(config, database.url, secretKey, logger);
    const http = await httpConnectorSetup(config, database.url, secretKey, logger);
    const supervisor = superviseDaemons(daemonSpecs(config, database.url, secretKey, example, http), logger);
    let stopping = false;
    const registration =
      example || http
        ? registerExampleWhenUp({ config, databaseUrl: database.url, example, http, logger, stopped: () => stopping })
        : Promise.resolve();
    logger.info('Interflow is starting', {
      api: `http://127.0.0.1:${config.PORT}`,
      readyz: `http://127.0.0.1:${config.PORT}/readyz`,
      outboundAllowed: config.INTERFLOW_OUTBOUND_ALLOW,
      database: database.embedded ? `embedded PostgreSQL on port ${config.EMBEDDED_POSTGRES_PORT}` : 'DATABASE_URL',
    });
    const signal = new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    const reason = await Promise.race([signal, supervisor.firstExit.then((exit) => `${exit.name} exited`)]);
    if (!reason.startsWith('SIG')) exitCode = 1;
    logger.info('stopping', { reason });
    stopping = true;
    const unclean = await supervisor.stopAll(shutdownBudget(config.SHUTDOWN_GRACE_MS).killAfterMs);
    if (unclean.length > 0) exitCode = 1;
    await registration;
  } finally {
    await database.stop();
  }
  logger.info('stopped');
  process.exit(exitCode);
}

main().catch((error: unknown) => {
  process.stderr.write(failureLine('launcher', 'failed', error));
  process.exit(1);
});
