import { brokerConfigShape } from '@interflow/broker-select';
import { z } from 'zod';
import { baseConfigShape, intVar } from '@interflow/core';
import { secretKeyConfigShape } from '@interflow/registry';

/** The producer's environment: the shared base plus the scheduler's and housekeeping's tunables. */
export const producerConfigSchema = z.object({
  ...baseConfigShape,
  ...brokerConfigShape,
  /** The installation key: the producer signs the run requests of schedule fires with a key derived from it. */
  ...secretKeyConfigShape,
  /** Port of the small health/metrics server. */
  HEALTH_PORT: intVar(3001, 0, 65535),
  /** Most schedules one transaction claims. */
  SCHEDULER_BATCH_SIZE: intVar(1000, 1, 10_000),
  /** Fire transactions run at once by one producer (keep below DATABASE_POOL_SIZE). */
  SCHEDULER_CONCURRENCY: intVar(2, 1, 64),
  /** A fire due at most this long ago is published; older fires follow the schedule's missed-fire policy. */
  SCHEDULER_MISFIRE_GRACE_MS: intVar(15_000, 0, 86_400_000),
  /** Most fires of one schedule handled in one pass (a long backfill continues on the next pass). */
  SCHEDULER_MAX_FIRES_PER_SCHEDULE: intVar(1000, 1, 100_000),
  /** Longest sleep between passes (buffered fires and missed notifications are noticed within it). */
  SCHEDULER_IDLE_WAKE_MS: intVar(1000, 10, 600_000),
  /** A schedule whose publish failed (missing exchange, unroutable) is retried after this. */
  SCHEDULER_FAILURE_RETRY_MS: intVar(5000, 100, 3_600_000),
  HOUSEKEEPING_INTERVAL_MS: intVar(1000, 10, 600_000),
  HOUSEKEEPING_PRUNE_INTERVAL_MS: intVar(60_000, 100, 86_400_000),
  /** Fire keys (the exactly-once guard and fire history) are kept this long. */
  FIRE_KEY_RETENTION_MS: intVar(86_400_000, 60_000, 366 * 86_400_000),
  /** Events of the event stream are kept this long: the replay window of `Last-Event-ID`. */
  EVENT_REPLAY_WINDOW_MS: intVar(3_600_000, 60_000, 7 * 86_400_000),
  RATE_HISTORY_RETENTION_MS: intVar(86_400_000, 60_000, 366 * 86_400_000),
  CONSUMER_SILENCE_MS: intVar(600_000, 1000, 86_400_000),
  /** How often the producer holding the queue-gauge lock reads queue depths for /metrics. */
  QUEUE_METRICS_INTERVAL_MS: intVar(5000, 100, 600_000),
  /** Queues shown by name in the queue gauges; the rest are summed into queue="_other". */
  QUEUE_METRICS_MAX_QUEUES: intVar(200, 1, 10_000),
});

export type ProducerConfig = z.infer<typeof producerConfigSchema>;
