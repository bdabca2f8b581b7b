import { Registry, collectDefaultMetrics } from 'prom-client';

export type MetricsRegistry = Registry;

/**
 * A Prometheus registry for one daemon, with Node's default process metrics and a
 * `service` label on every series. Each daemon owns one; nothing registers globally.
 */
export function createMetricsRegistry(service: string): MetricsRegistry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, prefix: 'interflow_' });
  return registry;
}
