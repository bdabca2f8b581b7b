import { bootDaemon, parseConfigOrExit, startHealthServer } from '@interflow/core';
import { migrationNames } from '@interflow/migrations';
import { runnerConfigSchema } from './config';

/** The runner daemon: parses config once, builds dependencies, owns shutdown. */
async function main(): Promise<void> {
  const config = parseConfigOrExit('runner', runnerConfigSchema, process.env);
  const { logger, metrics, shutdown, readiness } = bootDaemon({
    service: 'runner',
    config,
    expectedMigrations: migrationNames,
  });
  const health = await startHealthServer({ port: config.HEALTH_PORT, readiness, metrics });
  shutdown.add('health server', () => health.close());
  logger.info('runner started', { healthPort: health.port });
}

main().catch((error: unknown) => {
  process.stderr.write(`${JSON.stringify({ level: 'error', service: 'runner', message: 'failed to start', error: String(error) })}\n`);
  process.exit(1);
});
