import type { AddressInfo } from 'node:net';
import { createBroker } from '@interflow/broker-select';
import { bootDaemon, failureLine, parseConfigOrExit, runStartStep, systemClock } from '@interflow/core';
import { checkSecretsReadable, keyringFromConfig } from '@interflow/registry';
import { migrationNames } from '@interflow/migrations';
import { declareNotificationTopology, recipientWebhookSecrets } from '@interflow/notifications';
import { outboundFetch } from '@interflow/outbound';
import { bootstrapAdminToken } from './bootstrap-admin-token';
import { apiConfigSchema } from './config';
import { ConnectionDrain } from './http/connection-drain';
import { answerUnparsableRequests } from './http/unparsable-requests';
import { EventHub } from './events/event-hub';
import { createServer } from './server';
import { RunReplies } from './triggering/run-replies';

/** The api daemon: parses config once, builds dependencies, listens, owns shutdown. */
async function main(): Promise<void> {
  const config = parseConfigOrExit('api', apiConfigSchema, process.env);
  const keyring = keyringFromConfig(config);
  // Ready once the bootstrap admin token is in place: a caller that waits for /readyz and
  // then uses INTERFLOW_ADMIN_TOKEN (or the printed one) must not meet a 401.
  let adminToken: 'ok' | string = 'not registered yet';
  const { logger, sql, metrics, shutdown, readiness } = bootDaemon({
    service: 'api',
    config,
    expectedMigrations: migrationNames,
    readinessChecks: [
      { name: 'secrets', check: (db) => checkSecretsReadable(db, keyring, [recipientWebhookSecrets]) },
      { name: 'admin_token', check: () => Promise.resolve(adminToken), partOfStarting: true },
    ],
  });
  // Registered before the http server, so shutdown closes the server first and then
  // stops the broker's consumers and timers, before the pool closes.
  const broker = createBroker(config, { sql, logger, schema: config.DATABASE_SCHEMA, clock: systemClock });
  shutdown.add('broker', () => broker.close());
  const fetch = outboundFetch(config.INTERFLOW_OUTBOUND_ALLOW);
  shutdown.add('outbound connections', () => fetch.close());
  const replies = new RunReplies(broker, logger);
  shutdown.add('reply queue', () => replies.stop());
  const drain = new ConnectionDrain();
  const events = new EventHub({
    sql,
    broker,
    logger: logger.child({ component: 'events' }),
    clock: systemClock,
    settings: { pollIntervalMs: config.EVENTS_POLL_INTERVAL_MS, depthIntervalMs: config.EVENTS_DEPTH_INTERVAL_MS },
  });
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
    drain,
    events,
    eventHeartbeatMs: config.EVENTS_HEARTBEAT_MS,
    dashboardDir: config.DASHBOARD_DIR,
  });
  const stopped = () => shutdown.draining;
  void runStartStep(
    'bootstrap admin token',
    async () => {
      await bootstrapAdminToken({ sql, logger, configuredToken: config.INTERFLOW_ADMIN_TOKEN });
      adminToken = 'ok';
    },
    { logger, stopped },
  );
  void runStartStep('reply queue', () => replies.start(), { logger, stopped });
  void runStartStep('notification queues', () => declareNotificationTopology(broker), { logger, stopped });
  const server = app.listen(config.PORT, config.HOST);
  answerUnparsableRequests(server, logger);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  // Connections still open this far into the grace period are cut, so the steps after
  // (reply queue, broker, pool) still fit in it and the daemon exits 0.
  shutdown.add('http server', () => drain.finish(Math.floor(config.SHUTDOWN_GRACE_MS * 0.6)));
  // Before the server closes: open event streams would keep it open; clients reconnect
  // to another instance with their Last-Event-ID.
  shutdown.add('event streams', () => events.close());
  // Requests waiting for a run answer 202 so their connections can close.
  shutdown.add('waiting requests', async () => replies.releaseWaiters());
  // Runs first on SIGTERM: no new work, idle keep-alive connections closed, in-progress
  // responses sent with `Connection: close`.
  shutdown.add('stop taking requests', async () => drain.begin(server));
  const { port } = server.address() as AddressInfo;
  logger.info('api listening', { port, url: `http://127.0.0.1:${port}`, dashboard: `http://127.0.0.1:${port}/ui/` });
}

main().catch((error: unknown) => {
  process.stderr.write(failureLine('api', 'failed to start', error));
  process.exit(1);
});
