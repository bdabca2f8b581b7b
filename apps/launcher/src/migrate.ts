import { createLogger, failureLine, parseConfigOrExit } from '@interflow/core';
import { migrate, migrations } from '@interflow/migrations';
import { launcherConfigSchema } from './config';
import { provideDatabase } from './database';

/**
 * `npm run migrate` (and the compose file's one-shot migrate service): applies pending
 * migrations to DATABASE_URL, or to the embedded server when it is unset, then exits.
 */
async function main(): Promise<void> {
  const config = parseConfigOrExit('migrate', launcherConfigSchema, process.env);
  const logger = createLogger({ service: 'migrate', level: config.LOG_LEVEL });
  const database = await provideDatabase(config, logger);
  try {
    const applied = await migrate({ url: database.url, schema: config.DATABASE_SCHEMA, migrations, logger });
    logger.info('database is up to date', { schema: config.DATABASE_SCHEMA, applied: applied.length });
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(failureLine('migrate', 'failed', error));
  process.exit(1);
});
