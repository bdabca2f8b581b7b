import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { createMetricsRegistry, type MetricsRegistry } from '@interflow/core';
import { createTriggerMetrics } from '../../../apps/api/src/triggering/trigger-metrics';
import { createQueueGaugeMetrics } from '../../../apps/producer/src/queue-gauges';
import { createSchedulerMetrics } from '../../../apps/producer/src/scheduler-metrics';
import { createRunnerMetrics } from '../../../apps/runner/src/runner-metrics';
import { findObject, kubernetesDir, renderKustomization, repositoryRoot } from './support/render';

/**
 * The alert rules and the autoscalers name metrics and labels the daemons really export,
 * and the queue gauges are declared by the producer alone (exported once).
 */
function registryOf(service: string, register: (registry: MetricsRegistry) => unknown): MetricsRegistry {
  const registry = createMetricsRegistry(service);
  register(registry);
  return registry;
}

const registries = [
  registryOf('api', createTriggerMetrics),
  registryOf('producer', (registry) => {
    createSchedulerMetrics(registry);
    createQueueGaugeMetrics(registry);
  }),
  registryOf('runner', createRunnerMetrics),
];

/** Every exported series name (histograms as their _bucket, _sum and _count series) with its label names. */
const exported = new Map<string, string[]>();
for (const registry of registries) {
  for (const metric of registry.getMetricsAsArray()) {
    const { name, labelNames } = metric as unknown as { name: string; labelNames: string[] };
    const isHistogram = metric.constructor.name === 'Histogram';
    if (!isHistogram) exported.set(name, labelNames);
    else {
      exported.set(`${name}_bucket`, [...labelNames, 'le']);
      exported.set(`${name}_sum`, labelNames);
      exported.set(`${name}_count`, labelNames);
    }
  }
}

/** Metric names in a PromQL expression, each with the label names its selector matches on. */
function selectorsIn(expr: string): { metric: string; labels: string[] }[] {
  return [...expr.matchAll(/\b(interflow_[a-z0-9_]+)(\{([^}]*)\})?/g)].map((match) => ({
    metric: match[1]!,
    labels: [...(match[3] ?? '').matchAll(/([a-z_]+)\s*(=~|!~|!=|=)/g)].map((label) => label[1]!),
  }));
}

/** Labels named in `by (...)` / `without (...)`. */
function groupingLabelsIn(expr: string): string[] {
  return [...expr.matchAll(/\b(?:by|without)\s*\(([^)]*)\)/g)].flatMap((match) => match[1]!.split(',').map((label) => label.trim()).filter(Boolean));
}

function expectKnownSelectors(expr: string) {
  const selectors = selectorsIn(expr);
  expect(selectors.length).toBeGreaterThan(0);
  for (const { metric, labels } of selectors) {
    expect({ metric, exported: exported.has(metric) }).toEqual({ metric, exported: true });
    for (const label of labels) expect(exported.get(metric)).toContain(label);
  }
  const available = new Set(selectors.flatMap(({ metric }) => exported.get(metric) ?? []));
  for (const label of groupingLabelsIn(expr)) expect([...available]).toContain(label);
}

interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const ruleFile = parse(fs.readFileSync(path.join(kubernetesDir, 'overlays', 'example', 'prometheus-rules.yaml'), 'utf8')) as {
  kind: string;
  spec: { groups: { name: string; rules: AlertRule[] }[] };
};
const rules = ruleFile.spec.groups.flatMap((group) => group.rules);

describe('the example alert rules (PrometheusRule)', () => {
  it('cover a stuck queue, growing dead letters, scheduler lag and failing deployments', () => {
    expect(ruleFile.kind).toBe('PrometheusRule');
    expect(rules.map((rule) => rule.alert)).toEqual(
      expect.arrayContaining(['InterflowQueueStuck', 'InterflowDeadLettersGrowing', 'InterflowSchedulerLagging', 'InterflowDeploymentFailing']),
    );
  });

  it.each(rules.map((rule) => [rule.alert, rule] as const))('%s reads metrics and labels the daemons export', (_name, rule) => {
    expectKnownSelectors(rule.expr);
  });

  it.each(rules.map((rule) => [rule.alert, rule] as const))('%s waits a while, has a severity and says what to check', (_name, rule) => {
    expect(rule.for).toMatch(/^\d+m$/);
    expect(['warning', 'critical']).toContain(rule.labels?.severity);
    expect(rule.annotations?.summary).toBeTruthy();
    expect(rule.annotations?.description).toBeTruthy();
  });

  it('is part of the example overlay', () => {
    expect(() => findObject(renderKustomization('overlays/example'), 'PrometheusRule', 'interflow-alerts')).not.toThrow();
  });
});

describe('the autoscalers', () => {
  it('read metrics the producer exports', () => {
    const hpa = findObject<{ spec: { metrics: { external: { metric: { name: string } } }[] } }>(
      renderKustomization('base'),
      'HorizontalPodAutoscaler',
      'interflow-runner',
    );
    for (const metric of hpa.spec.metrics) expectKnownSelectors(metric.external.metric.name);
    const scaled = findObject<{ spec: { triggers: { metadata: { query: string } }[] } }>(
      renderKustomization('overlays/example'),
      'ScaledObject',
      'interflow-runner',
    );
    for (const trigger of scaled.spec.triggers) expectKnownSelectors(trigger.metadata.query);
  });
});

describe('queue gauges', () => {
  const gaugeNames = ['interflow_queue_messages', 'interflow_queue_oldest_ready_age_seconds', 'interflow_queue_dead_letters'];

  function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'test' ? [] : sourceFiles(full);
      return entry.name.endsWith('.ts') ? [full] : [];
    });
  }

  it('are declared by the producer alone, so no other daemon exports them', () => {
    const declaring = [...sourceFiles(path.join(repositoryRoot, 'apps')), ...sourceFiles(path.join(repositoryRoot, 'packages'))]
      .filter((file) => gaugeNames.some((name) => fs.readFileSync(file, 'utf8').includes(`'${name}'`)))
      .map((file) => path.relative(repositoryRoot, file));
    expect(declaring).toEqual(['apps/producer/src/queue-gauges.ts']);
  });
});
