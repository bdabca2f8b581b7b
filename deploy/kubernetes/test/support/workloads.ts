import type { KubeObject } from './render';

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
  };
}

export interface Probe {
  httpGet?: { path: string; port: string | number };
}

export interface Container {
  name: string;
  image: string;
  command?: string[];
  ports?: { name?: string; containerPort: number; protocol?: string }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] }; sleep?: { seconds: number } } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: {
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    privileged?: boolean;
    runAsNonRoot?: boolean;
    runAsUser?: number;
    capabilities?: { drop?: string[]; add?: string[] };
  };
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  terminationGracePeriodSeconds?: number;
  automountServiceAccountToken?: boolean;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; runAsGroup?: number; seccompProfile?: { type: string } };
}

/** A Deployment or a Job, reduced to what the tests read. */
export interface Workload {
  kind: 'Deployment' | 'Job';
  name: string;
  replicas: number | undefined;
  podLabels: Record<string, string>;
  pod: PodSpec;
}

interface PodTemplateOwner {
  spec: { replicas?: number; template: { metadata?: { labels?: Record<string, string> }; spec: PodSpec } };
}

export function workloadsOf(objects: KubeObject[]): Workload[] {
  return objects
    .filter((object) => object.kind === 'Deployment' || object.kind === 'Job')
    .map((object) => {
      const { spec } = object as unknown as PodTemplateOwner;
      return {
        kind: object.kind as Workload['kind'],
        name: object.metadata.name,
        replicas: spec.replicas,
        podLabels: spec.template.metadata?.labels ?? {},
        pod: spec.template.spec,
      };
    });
}

/** `apps/<app>/dist/<entry>.js` of a container's command: which daemon it runs. */
export function entryPointOf(container: Container): { app: string; entry: string; path: string } {
  const script = (container.command ?? []).find((part) => /^apps\/[^/]+\/dist\/.+\.js$/.test(part));
  if (!script) throw new Error(`container ${container.name} runs no apps/<app>/dist/<entry>.js`);
  const [, app, entry] = /^apps\/([^/]+)\/dist\/(.+)\.js$/.exec(script)!;
  return { app: app!, entry: entry!, path: script };
}

/** The variables a container sees, by name, and where each comes from. */
export type EnvSource = { literal: string } | { secret: { name: string; key: string; optional: boolean } };

export function environmentOf(container: Container, configMaps: KubeObject[]): Map<string, EnvSource> {
  const environment = new Map<string, EnvSource>();
  for (const from of container.envFrom ?? []) {
    if (from.secretRef) throw new Error(`${container.name}: envFrom a whole Secret hides which variables it sets`);
    const configMap = configMaps.find((object) => object.metadata.name === from.configMapRef?.name);
    if (!configMap) throw new Error(`${container.name}: envFrom names a ConfigMap that is not rendered`);
    for (const [name, value] of Object.entries((configMap as unknown as { data: Record<string, string> }).data)) {
      environment.set(name, { literal: value });
    }
  }
  for (const variable of container.env ?? []) {
    if (variable.value !== undefined) environment.set(variable.name, { literal: variable.value });
    else if (variable.valueFrom?.secretKeyRef) {
      const { name, key, optional } = variable.valueFrom.secretKeyRef;
      environment.set(variable.name, { secret: { name, key, optional: optional ?? false } });
    } else throw new Error(`${container.name}: ${variable.name} has neither a value nor a secretKeyRef`);
  }
  return environment;
}
