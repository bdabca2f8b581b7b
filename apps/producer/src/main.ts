import { bootDaemon, parseConfigOrExit, startHealthServer } from '@interflow/core';
import { migrationNames } from '@interflow/migrations';
import { producerConfigSchema } from './config';

/** The producer daemon: parses config once, builds dependencies, owns shutdown. */
async function main(): Promise<void> {
  const config = parseConfigOrExit('producer', producerConfigSchema, process.env);
  const { logger, metrics, shutdown, readiness } = bootDaemon({
    service: 'producer',
    config,
    expectedMigrations: migrationNames,
  });
  const health = await startHealthServer({ port: config.HEALTH_PORT, readiness, metrics });
  shutdown.add('health server', () => health.close());
  logger.info('producer started', { healthPort: health.port });
}

main().catch((error: unknown) => {
  process.stderr.write(`${JSON.stringify({ level: 'error', service: 'producer', message: 'failed to start', error: String(error) })}\n`);
  process.exit(1);
});
