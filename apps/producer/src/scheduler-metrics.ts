import { Counter, Histogram } from 'prom-client';
import { type MetricsRegistry } from '@interflow/core';

/** The scheduler's Prometheus series. */
export interface SchedulerMetrics {
  fires: Counter<'outcome'>;
  fireLag: Histogram;
  missedFires: Counter;
  publishFailures: Counter;
}

export function createSchedulerMetrics(registry: MetricsRegistry): SchedulerMetrics {
  return {
    fires: new Counter({
      name: 'interflow_schedule_fires_total',
      help: 'Fires handled, by outcome (published, skipped_overlap, expired).',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    fireLag: new Histogram({
      name: 'interflow_schedule_fire_lag_seconds',
      help: 'From a fire\'s due time to the commit of its publish.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.5, 2, 3, 5, 10, 30, 60],
      registers: [registry],
    }),
    missedFires: new Counter({
      name: 'interflow_schedule_missed_fires_total',
      help: 'Fires dropped by a missed-fire policy (due longer ago than the misfire grace).',
      registers: [registry],
    }),
    publishFailures: new Counter({
      name: 'interflow_schedule_publish_failures_total',
      help: 'Schedules whose fire could not be published (retried later).',
      registers: [registry],
    }),
  };
}
