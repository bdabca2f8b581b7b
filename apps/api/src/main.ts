import type { AddressInfo } from 'node:net';
import { bootDaemon, keyringFromConfig, parseConfigOrExit, PostgresBroker, systemClock } from '@interflow/core';
import { migrationNames } from '@interflow/migrations';
import { outboundFetch } from '@interflow/outbound';
import { bootstrapAdminToken } from './bootstrap-admin-token';
import { apiConfigSchema } from './config';
import { answerUnparsableRequests } from './http/unparsable-requests';
import { createServer } from './server';
import { RunReplies } from './triggering/run-replies';
import { whenMigrated } from './when-migrated';

/** The api daemon: parses config once, builds dependencies, listens, owns shutdown. */
async function main(): Promise<void> {
  const config = parseConfigOrExit('api', apiConfigSchema, process.env);
  const { logger, sql, metrics, shutdown, readiness } = bootDaemon({
    service: 'api',
    config,
    expectedMigrations: migrationNames,
  });
  const keyring = keyringFromConfig(config);
  // Registered before the http server, so shutdown closes the server first and then
  // stops the broker's consumers and timers, before the pool closes.
  const broker = new PostgresBroker({ sql, logger, schema: config.DATABASE_SCHEMA, clock: systemClock });
  shutdown.add('broker', () => broker.close());
  const fetch = outboundFetch(config.INTERFLOW_OUTBOUND_ALLOW);
  shutdown.add('outbound connections', () => fetch.close());
  const replies = new RunReplies(broker, logger);
  shutdown.add('reply queue', () => replies.stop());
  const app = createServer({
    sql,
    logger,
    metrics,
    readiness,
    clock: systemClock,
    bodyLimit: config.BODY_LIMIT,
    keyring,
    broker,
    replies,
    fetch,
  });
  const stopped = () => shutdown.draining;
  void whenMigrated('bootstrap admin token', () => bootstrapAdminToken({ sql, logger, configuredToken: config.INTERFLOW_ADMIN_TOKEN }), {
    logger,
    stopped,
  });
  void whenMigrated('reply queue', () => replies.start(), { logger, stopped });
  const server = app.listen(config.PORT, config.HOST);
  answerUnparsableRequests(server, logger);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  shutdown.add('http server', async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  });
  // Runs first on SIGTERM: requests waiting for a run answer 202 so the server can close.
  shutdown.add('waiting requests', async () => replies.releaseWaiters());
  const { port } = server.address() as AddressInfo;
  logger.info('api listening', { port, url: `http://127.0.0.1:${port}` });
}

main().catch((error: unknown) => {
  process.stderr.write(`${JSON.stringify({ level: 'error', service: 'api', message: 'failed to start', error: String(error) })}\n`);
  process.exit(1);
});
