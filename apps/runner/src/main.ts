import os from 'node:os';
import { createBroker } from '@interflow/broker-select';
import {
  bootDaemon,
  failureLine,
  parseConfigOrExit,
  runStartStep,
  startHealthServer,
  systemClock,
  type ReadinessReport,
} from '@interflow/core';
import { checkSecretsReadable, keyringFromConfig, runRequestKeys } from '@interflow/registry';
import { migrationNames } from '@interflow/migrations';
import { describeAllowList, outboundFetch } from '@interflow/outbound';
import { ensureActionQueues, ensureItemEventsExchange, queueMaxAttemptsLookup } from './action-queues';
import { OutcomeAnnouncer } from './announce-run-end';
import { runnerConfigSchema } from './config';
import { CallPermits } from './limits/call-permits';
import { KnownPauses } from './limits/known-pauses';
import { RegistryActionPlans } from './registry/registry-action-plans';
import { RegistryResponseCache } from './registry/registry-response-cache';
import { RegistryRunLedger } from './registry/registry-run-ledger';
import { ActionRunner } from './runner';
import { createRunnerMetrics } from './runner-metrics';
import { SubscriptionTable } from './subscriptions/subscription-table';
import { buildNotificationWorker } from './notifications/build-notification-worker';
import { recipientWebhookSecrets, RunOutcomeNotifier } from '@interflow/notifications';

/** The runner daemon: parses config once, builds dependencies, owns shutdown. */
async function main(): Promise<void> {
  const config = parseConfigOrExit('runner', runnerConfigSchema, process.env);
  const keyring = keyringFromConfig(config);
  // The runner cannot take work without its broker: a RabbitMQ connection down makes it not
  // ready. Logged as a step of starting (a warning): the connection opens with the first consumer.
  let brokerReadiness = (): string => 'the broker is being built';
  const { logger, sql, metrics, shutdown, readiness } = bootDaemon({
    service: 'runner',
    config,
    expectedMigrations: migrationNames,
    readinessChecks: [
      { name: 'secrets', check: (db) => checkSecretsReadable(db, keyring, [recipientWebhookSecrets]) },
      { name: 'broker', check: async () => brokerReadiness(), partOfStarting: true },
    ],
  });
  const health = await startHealthServer({ port: config.HEALTH_PORT, readiness, metrics });
  shutdown.add('health server', () => health.close());

  const clock = systemClock;
  const fetch = outboundFetch(config.INTERFLOW_OUTBOUND_ALLOW);
  shutdown.add('outbound connections', () => fetch.close());
  logger.info('outbound policy: public addresses, plus the allowed ones', { allowed: describeAllowList(config.INTERFLOW_OUTBOUND_ALLOW) });
  const broker = createBroker(config, { sql, logger, schema: config.DATABASE_SCHEMA, clock });
  brokerReadiness = () => broker.readiness();
  shutdown.add('broker', () => broker.close());
  const consumerName = `runner@${os.hostname()}:${process.pid}`;
  const runnerMetrics = createRunnerMetrics(metrics);
  const outcomeNotifier = new RunOutcomeNotifier({ sql, clock, broker, logger });
  const pauses = new KnownPauses(sql, config.DATABASE_SCHEMA, logger);
  shutdown.add('deployment pauses', () => pauses.stop());
  const runner = new ActionRunner({
    broker,
    logger,
    queues: config.RUNNER_QUEUES,
    concurrency: config.RUNNER_CONCURRENCY,
    prefetch: config.RUNNER_PREFETCH,
    leaseMs: config.RUNNER_LEASE_MS,
    consumerName,
    subscriptions: config.RUNNER_SUBSCRIPTIONS ? new SubscriptionTable(sql) : null,
    subscriptionRefreshMs: config.RUNNER_SUBSCRIPTION_REFRESH_MS,
    runRequestKeys: runRequestKeys(keyring),
    executor: {
      plans: new RegistryActionPlans(sql, keyring),
      ledger: new RegistryRunLedger(sql, clock, { groupRecords: config.INTERFLOW_BROKER === 'postgres' }),
      cache: new RegistryResponseCache(sql, clock),
      permits: new CallPermits({ sql, holderId: consumerName, maxWaitMs: config.RUNNER_LIMIT_WAIT_MS, pauses, waits: runnerMetrics.limitWaits }),
      announcer: new OutcomeAnnouncer(broker),
      metrics: runnerMetrics,
      logger,
      clock,
      request: fetch.request,
      leaseMs: config.RUNNER_LEASE_MS,
      maxResponseBytes: config.RUNNER_MAX_RESPONSE_BYTES,
      queueMaxAttempts: queueMaxAttemptsLookup(broker),
      outcomes: outcomeNotifier,
    },
  });
  const notifications = config.RUNNER_NOTIFICATIONS
    ? buildNotificationWorker({ config, sql, broker, clock, logger, keyring, fetch, consumerName, metrics })
    : null;
  // Registered before starting, so a SIGTERM while starting drains what already began.
  shutdown.add('run outcome notifications', () => outcomeNotifier.drain());
  shutdown.add('runner (drain in-flight calls)', () => runner.stop(config.RUNNER_DRAIN_GRACE_MS));
  if (notifications) shutdown.add('notifications (drain in-flight sends)', () => notifications.stop());
  const starting = (async () => {
    await waitUntilMigrated(readiness, logger, () => shutdown.draining);
    if (shutdown.draining) return;
    // A database outage half-way through starting delays the start; it does not end the runner.
    await runStartStep(
      'consuming',
      async () => {
        await ensureActionQueues(broker, config.RUNNER_QUEUES);
        await ensureItemEventsExchange(broker);
        await pauses.start();
        await runner.start();
        if (notifications) await notifications.start();
      },
      { logger, stopped: () => shutdown.draining },
    );
  })();
  // The first step of a shutdown: a SIGTERM while starting lets the start end (or give up)
  // before the steps above stop what it started, with their grace. (It once stopped the
  // runner again with no grace when the start ended after the signal: a call in flight was
  // abandoned, and its run stayed running until its message came back.)
  shutdown.add('start under way', () => starting.catch(() => undefined));
  await starting;
}

/**
 * The runner may start before `npm run migrate` finished: it consumes once the schema is
 * there. Only the database and the migrations count here: unreadable secrets make the
 * runner unready (and loud) but runs of other deployments still go on.
 */
async function waitUntilMigrated(
  readiness: () => Promise<ReadinessReport>,
  logger: { info(message: string, meta?: unknown): unknown },
  stopped: () => boolean,
): Promise<void> {
  let logged = false;
  while (!stopped()) {
    const report = await readiness();
    if (report.checks.database === 'ok' && report.checks.migrations === 'ok') return;
    if (!logged) logger.info('waiting for the database and migrations before consuming', { checks: report.checks });
    logged = true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(failureLine('runner', 'failed to start', error));
  process.exit(1);
});
