import { Counter } from 'prom-client';
import { type MetricsRegistry } from '@interflow/core';

/** How a trigger request ended: a new queued run, a cached answer, or an idempotent replay. */
export type TriggerResult = 'queued' | 'cached' | 'replayed';

export interface TriggerMetrics {
  runsTriggered: Counter<'trigger' | 'result'>;
}

export function createTriggerMetrics(metrics: MetricsRegistry): TriggerMetrics {
  return {
    runsTriggered: new Counter({
      name: 'interflow_api_runs_triggered_total',
      help: 'Run requests accepted by the api, by trigger (api, webhook) and result (queued, cached, replayed)',
      labelNames: ['trigger', 'result'],
      registers: [metrics],
    }),
  };
}
