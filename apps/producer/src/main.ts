import { createBroker } from '@interflow/broker-select';
import { AdvisoryLeadership, bootDaemon, failureLine, parseConfigOrExit, runStartStep, startHealthServer, systemClock } from '@interflow/core';
import { keyringFromConfig, runRequestKeys } from '@interflow/registry';
import { migrationNames } from '@interflow/migrations';
import { declareNotificationTopology, RunOutcomeNotifier } from '@interflow/notifications';
import { producerConfigSchema } from './config';
import { Housekeeping } from './housekeeping';
import { createQueueGaugeMetrics, QueueGauges } from './queue-gauges';
import { Scheduler } from './scheduler';
import { createSchedulerMetrics } from './scheduler-metrics';

/**
 * The producer daemon: parses config once, builds the broker, the scheduler and the
 * housekeeping loop, owns shutdown. SIGTERM lets the fire in progress commit, then
 * exits 0; a producer killed outright loses nothing (its transaction rolls back and
 * another producer, or this one restarted, fires what is due).
 */
async function main(): Promise<void> {
  const config = parseConfigOrExit('producer', producerConfigSchema, process.env);
  const { logger, sql, metrics, shutdown, readiness } = bootDaemon({
    service: 'producer',
    config,
    expectedMigrations: migrationNames,
  });
  const health = await startHealthServer({ port: config.HEALTH_PORT, readiness, metrics });
  shutdown.add('health server', () => health.close());

  const clock = systemClock;
  const broker = createBroker(config, { sql, logger, schema: config.DATABASE_SCHEMA, clock });
  shutdown.add('broker', () => broker.close());

  // Runs housekeeping ends raise their actions' notification rules, like the runner's.
  const outcomes = new RunOutcomeNotifier({ sql, clock, broker, logger: logger.child({ component: 'notifications' }) });
  shutdown.add('run outcome notifications', () => outcomes.drain());
  declareNotificationTopology(broker).catch((error: unknown) =>
    logger.warn('notification queues not declared yet (the runners and the api declare them too)', { error: String(error) }),
  );
  const housekeeping = new Housekeeping({
    sql,
    broker,
    logger: logger.child({ component: 'housekeeping' }),
    metrics,
    outcomes,
    settings: {
      intervalMs: config.HOUSEKEEPING_INTERVAL_MS,
      pruneIntervalMs: config.HOUSEKEEPING_PRUNE_INTERVAL_MS,
      fireKeyRetentionMs: config.FIRE_KEY_RETENTION_MS,
      eventReplayWindowMs: config.EVENT_REPLAY_WINDOW_MS,
      rateRetentionMs: config.RATE_HISTORY_RETENTION_MS,
      consumerSilenceMs: config.CONSUMER_SILENCE_MS,
    },
  });
  housekeeping.start();
  shutdown.add('housekeeping', () => housekeeping.stop());

  const scheduler = new Scheduler({
    sql,
    schema: config.DATABASE_SCHEMA,
    publisher: broker,
    runRequestKeys: runRequestKeys(keyringFromConfig(config)),
    logger: logger.child({ component: 'scheduler' }),
    clock,
    metrics: createSchedulerMetrics(metrics),
    settings: {
      batchSize: config.SCHEDULER_BATCH_SIZE,
      concurrency: config.SCHEDULER_CONCURRENCY,
      misfireGraceMs: config.SCHEDULER_MISFIRE_GRACE_MS,
      maxFiresPerSchedule: config.SCHEDULER_MAX_FIRES_PER_SCHEDULE,
      idleWakeMs: config.SCHEDULER_IDLE_WAKE_MS,
      failureRetryMs: config.SCHEDULER_FAILURE_RETRY_MS,
    },
  });
  const queueGauges = new QueueGauges({
    broker,
    leadership: new AdvisoryLeadership({ url: config.DATABASE_URL, key: `interflow:queue-gauges:${config.DATABASE_SCHEMA}` }),
    metrics: createQueueGaugeMetrics(metrics),
    logger: logger.child({ component: 'queue-gauges' }),
    intervalMs: config.QUEUE_METRICS_INTERVAL_MS,
    maxQueues: config.QUEUE_METRICS_MAX_QUEUES,
  });
  queueGauges.start();
  shutdown.add('queue gauges', () => queueGauges.stop());

  shutdown.add('scheduler', () => scheduler.stop());
  // A database outage while starting delays the start; it does not end the producer.
  await runStartStep('scheduling', () => scheduler.start(), { logger, stopped: () => shutdown.draining });
  // A SIGTERM that came while it started found nothing to stop yet.
  if (shutdown.draining) return scheduler.stop();
  logger.info('producer started', { healthPort: health.port });
}

main().catch((error: unknown) => {
  process.stderr.write(failureLine('producer', 'failed to start', error));
  process.exit(1);
});
