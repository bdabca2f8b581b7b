import { Counter, Gauge, Histogram } from 'prom-client';
import type { MetricsRegistry } from '@interflow/core';

/**
 * What an operator watches on a runner: how deliveries end, how long connector calls
 * take, how many are in flight.
 */
export interface RunnerMetrics {
  /** Per handled delivery: succeeded, failed, retry, come_back_later, limited, interrupted, malformed, unrunnable, already_done. */
  deliveries: Counter<'outcome'>;
  /** Per run that ended: succeeded or failed. */
  runs: Counter<'status'>;
  callDuration: Histogram<'outcome'>;
  callsInFlight: Gauge;
}

export function createRunnerMetrics(registry: MetricsRegistry): RunnerMetrics {
  return {
    deliveries: new Counter({
      name: 'interflow_runner_deliveries_total',
      help: 'Deliveries the runner handled, by what became of them',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    runs: new Counter({
      name: 'interflow_runner_runs_total',
      help: 'Runs that ended, by final status',
      labelNames: ['status'],
      registers: [registry],
    }),
    callDuration: new Histogram({
      name: 'interflow_runner_call_duration_seconds',
      help: 'Duration of calls to connectors, by outcome',
      labelNames: ['outcome'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers: [registry],
    }),
    callsInFlight: new Gauge({
      name: 'interflow_runner_calls_in_flight',
      help: 'Connector calls in progress on this runner',
      registers: [registry],
    }),
  };
}
