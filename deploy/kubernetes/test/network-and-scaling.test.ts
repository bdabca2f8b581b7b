import { findObject, renderKustomization, type KubeObject } from './support/render';
import { selectorMatches, type LabelSelector } from './support/selectors';
import { environmentOf, workloadsOf, type Workload } from './support/workloads';

/**
 * What the NetworkPolicies allow each workload, evaluated as the API server would
 * (policies are additive: a pod may do what any policy selecting it allows), and what
 * the runner's autoscalers read.
 */
interface PolicyPort {
  protocol?: string;
  port?: number | string;
}
interface EgressRule {
  to?: { ipBlock?: { cidr: string; except?: string[] }; namespaceSelector?: LabelSelector; podSelector?: LabelSelector }[];
  ports?: PolicyPort[];
}
interface NetworkPolicySpec {
  podSelector: LabelSelector;
  policyTypes: ('Ingress' | 'Egress')[];
  egress?: EgressRule[];
  ingress?: { ports?: PolicyPort[] }[];
}

function policiesFor(objects: KubeObject[], workload: Workload): NetworkPolicySpec[] {
  return objects
    .filter((object) => object.kind === 'NetworkPolicy')
    .map((object) => (object as unknown as { spec: NetworkPolicySpec }).spec)
    .filter((spec) => selectorMatches(spec.podSelector, workload.podLabels));
}

/** A rule reaches beyond DNS and PostgreSQL when it leaves any port open or opens another one. */
function reachesOut(rule: EgressRule): boolean {
  if (!rule.ports || rule.ports.length === 0) return true;
  return rule.ports.some((port) => port.port !== 53 && port.port !== 5432);
}

function runnerSettings(objects: KubeObject[]) {
  const runner = workloadsOf(objects).find((workload) => workload.name === 'interflow-runner')!;
  const environment = environmentOf(runner.pod.containers[0]!, objects.filter((object) => object.kind === 'ConfigMap'));
  const literal = (name: string) => {
    const source = environment.get(name);
    if (!source || !('literal' in source)) throw new Error(`the runner sets no ${name}`);
    return source.literal;
  };
  return {
    queues: literal('RUNNER_QUEUES').split(','),
    perReplica: Number(literal('RUNNER_CONCURRENCY')) + Number(literal('RUNNER_PREFETCH')),
  };
}

const base = renderKustomization('base');
const overlay = renderKustomization('overlays/example');

describe.each([
  ['base', base],
  ['overlays/example', overlay],
])('deploy/kubernetes/%s', (_name, objects) => {
  const workloads = workloadsOf(objects);

  it.each(workloads.map((workload) => [workload.name, workload] as const))(
    '%s is under a default-deny policy for both directions',
    (_label, workload) => {
      const denyAll = policiesFor(objects, workload).find(
        (spec) => !spec.egress && !spec.ingress && spec.policyTypes.includes('Ingress') && spec.policyTypes.includes('Egress'),
      );
      expect(denyAll).toBeDefined();
    },
  );

  it('lets only the runner call out; every other pod reaches DNS and PostgreSQL only', () => {
    for (const workload of workloads) {
      const egress = policiesFor(objects, workload).flatMap((spec) => spec.egress ?? []);
      expect({ workload: workload.name, reachesOut: egress.some(reachesOut) }).toEqual({
        workload: workload.name,
        reachesOut: workload.name === 'interflow-runner',
      });
      expect(egress.some((rule) => rule.ports?.some((port) => port.port === 53))).toBe(true);
      expect(egress.some((rule) => rule.ports?.some((port) => port.port === 5432))).toBe(true);
    }
  });

  it('keeps cloud metadata closed to the runner', () => {
    const runner = workloads.find((workload) => workload.name === 'interflow-runner')!;
    const blocks = policiesFor(objects, runner)
      .flatMap((spec) => spec.egress ?? [])
      .flatMap((rule) => rule.to ?? [])
      .flatMap((peer) => (peer.ipBlock ? [peer.ipBlock] : []));
    const ipv4 = blocks.find((block) => block.cidr === '0.0.0.0/0');
    expect(ipv4?.except).toContain('169.254.169.254/32');
  });

  it('opens ingress only on the named ports of the daemons', () => {
    for (const workload of workloads.filter((candidate) => candidate.kind === 'Deployment')) {
      const portNames = workload.pod.containers.flatMap((container) => (container.ports ?? []).map((port) => port.name));
      const ingress = policiesFor(objects, workload).flatMap((spec) => spec.ingress ?? []);
      expect(ingress.length).toBeGreaterThan(0);
      for (const rule of ingress) {
        expect(rule.ports?.length).toBeGreaterThan(0);
        for (const port of rule.ports ?? []) expect(portNames).toContain(port.port);
      }
    }
  });

  it('sets no replica count on the runner: its autoscaler owns it', () => {
    expect(workloads.find((workload) => workload.name === 'interflow-runner')?.replicas).toBeUndefined();
  });
});

describe('runner autoscaling on queue depth', () => {
  it('base: an HPA on the external metric interflow_queue_messages of the runner queue, ready and in flight', () => {
    const objects = base;
    const settings = runnerSettings(objects);
    const hpa = findObject<{
      spec: {
        scaleTargetRef: { kind: string; name: string };
        minReplicas: number;
        metrics: { type: string; external: { metric: { name: string; selector: LabelSelector }; target: { type: string; averageValue: string } } }[];
      };
    }>(objects, 'HorizontalPodAutoscaler', 'interflow-runner');
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'interflow-runner' });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    const [metric] = hpa.spec.metrics;
    expect(metric?.type).toBe('External');
    expect(metric?.external.metric.name).toBe('interflow_queue_messages');
    const selector = metric!.external.metric.selector;
    expect(settings.queues).toContain(selector.matchLabels?.queue);
    expect(selector.matchExpressions).toEqual([{ key: 'state', operator: 'In', values: ['ready', 'in_flight'] }]);
    expect(metric?.external.target).toEqual({ type: 'AverageValue', averageValue: String(settings.perReplica) });
  });

  it('overlays/example: a KEDA ScaledObject with the Prometheus query instead, and no HPA of its own', () => {
    const objects = overlay;
    const settings = runnerSettings(objects);
    expect(objects.filter((object) => object.kind === 'HorizontalPodAutoscaler')).toEqual([]);
    const scaled = findObject<{
      spec: { scaleTargetRef: { name: string }; minReplicaCount: number; triggers: { type: string; metadata: Record<string, string> }[] };
    }>(objects, 'ScaledObject', 'interflow-runner');
    expect(scaled.spec.scaleTargetRef.name).toBe('interflow-runner');
    expect(scaled.spec.minReplicaCount).toBeGreaterThanOrEqual(2);
    const [trigger] = scaled.spec.triggers;
    expect(trigger?.type).toBe('prometheus');
    expect(trigger?.metadata.query).toBe(
      `sum(interflow_queue_messages{queue="${settings.queues[0]}",state=~"ready|in_flight"})`,
    );
    expect(trigger?.metadata.threshold).toBe(String(settings.perReplica));
  });
});
