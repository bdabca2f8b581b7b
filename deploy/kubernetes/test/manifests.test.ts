import fs from 'node:fs';
import path from 'node:path';
import { DAEMON_HEAP_LIMIT_MB } from '@interflow/core';
import { findObject, renderKustomization, repositoryRoot, type KubeObject } from './support/render';
import { validateAgainstSchema } from './support/schemas';
import { selectorMatches, type LabelSelector } from './support/selectors';
import { workloadsOf } from './support/workloads';

/**
 * No cluster runs here: the base and the example overlay are rendered by the real
 * kustomize and every object is checked against its Kubernetes (or CRD) schema, then
 * against what an operator of the system expects of each workload.
 */
const renders: [string, KubeObject[]][] = [
  ['base', renderKustomization('base')],
  ['overlays/example', renderKustomization('overlays/example')],
];

const dockerfile = fs.readFileSync(path.join(repositoryRoot, 'docker', 'Dockerfile'), 'utf8');
const imageUid = Number(/useradd [^\n]*--uid (\d+)/.exec(dockerfile)?.[1]);

function shutdownGraceMs(objects: KubeObject[]): number {
  const configMap = objects.find((object) => object.kind === 'ConfigMap' && object.metadata.name.startsWith('interflow-config'));
  return Number((configMap as unknown as { data: Record<string, string> }).data.SHUTDOWN_GRACE_MS);
}

describe.each(renders)('deploy/kubernetes/%s', (_name, objects) => {
  const workloads = workloadsOf(objects);

  it.each(objects.map((object) => [`${object.kind} ${object.metadata.name}`, object] as const))(
    '%s is valid against its schema',
    (_label, object) => {
      expect(() => validateAgainstSchema(object)).not.toThrow();
    },
  );

  it('has Deployments for api, producer (2 replicas) and runner, and a migrations Job', () => {
    expect(workloads.map((workload) => `${workload.kind} ${workload.name}`).sort()).toEqual([
      'Deployment interflow-api',
      'Deployment interflow-producer',
      'Deployment interflow-runner',
      'Job interflow-migrate',
    ]);
    expect(workloads.find((workload) => workload.name === 'interflow-producer')?.replicas).toBe(2);
  });

  it('ships no Secret: the database URL and the keys are created out of band', () => {
    expect(objects.filter((object) => object.kind === 'Secret')).toEqual([]);
  });

  it.each(workloads.map((workload) => [workload.name, workload] as const))(
    '%s runs as the image user, non-root, read-only, unprivileged, without capabilities',
    (_name, workload) => {
      expect(workload.pod.securityContext?.runAsNonRoot).toBe(true);
      expect(workload.pod.securityContext?.runAsUser).toBe(imageUid);
      expect(workload.pod.securityContext?.seccompProfile?.type).toBe('RuntimeDefault');
      expect(workload.pod.automountServiceAccountToken).toBe(false);
      for (const container of [...workload.pod.containers, ...(workload.pod.initContainers ?? [])]) {
        expect(container.securityContext).toMatchObject({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        expect(container.securityContext?.privileged).not.toBe(true);
        expect(container.securityContext?.capabilities?.add).toBeUndefined();
      }
    },
  );

  it.each(workloads.map((workload) => [workload.name, workload] as const))(
    '%s requests and limits cpu and memory',
    (_name, workload) => {
      for (const container of workload.pod.containers) {
        expect(Object.keys(container.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
        expect(Object.keys(container.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
      }
    },
  );

  it.each(['api', 'producer', 'runner'] as const)(
    'interflow-%s gets, where it runs without a container (npm start, the benchmarks), the heap Node gives it in its container: half the memory limit',
    (daemon) => {
      const container = workloads.find((workload) => workload.name === `interflow-${daemon}`)?.pod.containers[0];
      const limit = String(container?.resources?.limits?.memory);
      expect(limit).toMatch(/^\d+Mi$/);
      expect(DAEMON_HEAP_LIMIT_MB[daemon]).toBe(Number.parseInt(limit, 10) / 2);
    },
  );

  it.each(workloads.filter((workload) => workload.kind === 'Deployment').map((workload) => [workload.name, workload] as const))(
    '%s gives SIGTERM the whole SHUTDOWN_GRACE_MS (plus its preStop pause) before the kill',
    (_name, workload) => {
      const graceMs = shutdownGraceMs(objects);
      const [container] = workload.pod.containers;
      const preStop = container?.lifecycle?.preStop?.exec?.command;
      const pauseMs = preStop ? Number(preStop[preStop.length - 1]) * 1000 : 0;
      // The daemon exits on its own at SHUTDOWN_GRACE_MS + 1 s; the kubelet must not kill it sooner.
      const neededMs = pauseMs + graceMs + 1000;
      const periodMs = (workload.pod.terminationGracePeriodSeconds ?? 30) * 1000;
      expect(periodMs).toBeGreaterThanOrEqual(neededMs);
      expect(periodMs).toBeLessThanOrEqual(neededMs + 10_000);
    },
  );

  it.each(workloads.filter((workload) => workload.kind === 'Deployment').map((workload) => [workload.name, workload] as const))(
    '%s has a Service and a PodDisruptionBudget that select its pods and only them',
    (name, workload) => {
      const others = workloads.filter((other) => other.name !== name);
      const service = findObject<{ spec: { selector: Record<string, string>; ports: { targetPort: string | number }[] } }>(
        objects,
        'Service',
        name,
      );
      expect(selectorMatches({ matchLabels: service.spec.selector }, workload.podLabels)).toBe(true);
      expect(others.some((other) => selectorMatches({ matchLabels: service.spec.selector }, other.podLabels))).toBe(false);
      const portNames = workload.pod.containers.flatMap((container) => (container.ports ?? []).map((port) => port.name));
      for (const port of service.spec.ports) expect(portNames).toContain(port.targetPort);

      const budget = findObject<{ spec: { selector: LabelSelector; maxUnavailable?: number } }>(objects, 'PodDisruptionBudget', name);
      expect(selectorMatches(budget.spec.selector, workload.podLabels)).toBe(true);
      expect(others.some((other) => selectorMatches(budget.spec.selector, other.podLabels))).toBe(false);
      expect(budget.spec.maxUnavailable).toBe(1);
    },
  );
});
