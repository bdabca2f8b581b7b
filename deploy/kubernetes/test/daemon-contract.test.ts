import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import type { z } from 'zod';
import { createMetricsRegistry, parseConfig, startHealthServer } from '@interflow/core';
import { generateSecretKeySpec } from '@interflow/registry';
import { apiConfigSchema } from '../../../apps/api/src/config';
import { healthRoutes } from '../../../apps/api/src/routes/health';
import { launcherConfigSchema } from '../../../apps/launcher/src/config';
import { producerConfigSchema } from '../../../apps/producer/src/config';
import { runnerConfigSchema } from '../../../apps/runner/src/config';
import { renderKustomization, repositoryRoot, type KubeObject } from './support/render';
import { entryPointOf, environmentOf, workloadsOf, type Container, type EnvSource } from './support/workloads';

/**
 * The manifests cannot drift from the code: each container runs an entry point that
 * exists, with variables its daemon's own config schema declares and accepts, listens
 * where that config says, and is probed on paths the daemon serves.
 */
type AnySchema = z.ZodObject<z.ZodRawShape>;
const configSchemas: Record<string, AnySchema> = {
  'api/main': apiConfigSchema as unknown as AnySchema,
  'producer/main': producerConfigSchema as unknown as AnySchema,
  'runner/main': runnerConfigSchema as unknown as AnySchema,
  'launcher/migrate': launcherConfigSchema as unknown as AnySchema,
};

/** The port variable each daemon listens on (api: PORT; producer and runner: their health server). */
const listenVariable: Record<string, string> = { 'api/main': 'PORT', 'producer/main': 'HEALTH_PORT', 'runner/main': 'HEALTH_PORT' };

/** What the operator puts in the Secrets (docs/kubernetes.md), by secret and key. */
const secretValues: Record<string, string> = {
  'interflow-database/url': 'postgres://interflow:pw@postgres.example:5432/interflow',
  'interflow-secret-key/primary': generateSecretKeySpec('k2'),
  'interflow-secret-key/secondary': generateSecretKeySpec('k1'),
  'interflow-admin-token/token': 'x'.repeat(40),
  'interflow-smtp/url': 'smtp://interflow:pw@mail.example:587',
};

/** Variables whose values are secret: they must come from a Secret, never a literal in the manifest. */
const SECRET_VARIABLE = /^(DATABASE_URL|INTERFLOW_SECRET_KEY.*|INTERFLOW_ADMIN_TOKEN|SMTP_URL)$/;

function resolve(environment: Map<string, EnvSource>, withOptionalSecrets: boolean): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, source] of environment) {
    if ('literal' in source) values[name] = source.literal;
    else if (!source.secret.optional || withOptionalSecrets) {
      const value = secretValues[`${source.secret.name}/${source.secret.key}`];
      if (value === undefined) throw new Error(`${name} reads secret ${source.secret.name}/${source.secret.key}, which docs/kubernetes.md does not describe`);
      values[name] = value;
    }
  }
  return values;
}

const renders: [string, KubeObject[]][] = [
  ['base', renderKustomization('base')],
  ['overlays/example', renderKustomization('overlays/example')],
];

describe.each(renders)('deploy/kubernetes/%s against the daemons', (_name, objects) => {
  const configMaps = objects.filter((object) => object.kind === 'ConfigMap');
  const containers: [string, Container][] = workloadsOf(objects).flatMap((workload) =>
    workload.pod.containers.map((container) => [`${workload.name}/${container.name}`, container] as [string, Container]),
  );

  it.each(containers)('%s runs the Interflow image and an entry point built from a source that exists', (_label, container) => {
    expect(container.image).toMatch(/(^|\/)interflow(:[\w.-]+)?$/);
    const entry = entryPointOf(container);
    expect(container.command?.[0]).toBe('node');
    expect(fs.existsSync(path.join(repositoryRoot, 'apps', entry.app, 'src', `${entry.entry}.ts`))).toBe(true);
    expect(configSchemas[`${entry.app}/${entry.entry}`]).toBeDefined();
  });

  it.each(containers)('%s sets only variables its daemon reads, and they pass its validation', (_label, container) => {
    const entry = entryPointOf(container);
    const schema = configSchemas[`${entry.app}/${entry.entry}`]!;
    const environment = environmentOf(container, configMaps);
    const declared = Object.keys(schema.shape);
    for (const name of environment.keys()) expect(declared).toContain(name);
    for (const [name, source] of environment) {
      if (SECRET_VARIABLE.test(name)) expect(source).toHaveProperty('secret');
    }
    expect(() => parseConfig(schema, resolve(environment, false))).not.toThrow();
    expect(() => parseConfig(schema, resolve(environment, true))).not.toThrow();
  });

  it.each(containers.filter(([, container]) => entryPointOf(container).entry === 'main'))(
    '%s exposes the port its config listens on and probes /healthz and /readyz there',
    (_label, container) => {
      const entry = entryPointOf(container);
      const schema = configSchemas[`${entry.app}/${entry.entry}`]!;
      const config = parseConfig(schema, resolve(environmentOf(container, configMaps), false)) as Record<string, unknown>;
      const listensOn = config[listenVariable[`${entry.app}/${entry.entry}`]!];
      const ports = container.ports ?? [];
      expect(ports).toHaveLength(1);
      expect(ports[0]!.containerPort).toBe(listensOn);
      const portName = ports[0]!.name;
      expect(container.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: portName });
      expect(container.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: portName });
    },
  );
});

describe('the probe paths the manifests use', () => {
  const probePaths = ['/healthz', '/readyz'];
  const readiness = async () => ({ ready: true, checks: { database: 'ok' as const, migrations: 'ok' as const } });

  it('are served by the api', async () => {
    const app = express().use(healthRoutes({ readiness, metrics: createMetricsRegistry('api') }));
    for (const probe of probePaths) await request(app).get(probe).expect(200);
  });

  it('are served by the health server of the producer and the runner', async () => {
    const server = await startHealthServer({ port: 0, host: '127.0.0.1', readiness, metrics: createMetricsRegistry('runner') });
    try {
      for (const probe of probePaths) expect((await fetch(`http://127.0.0.1:${server.port}${probe}`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

/** An operator learns a variable from the docs: none a daemon reads may be missing there (as SMTP_* and NOTIFY_* once were). */
describe('the daemons’ variables against the documentation', () => {
  const documentation = fs
    .readdirSync(path.join(repositoryRoot, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => fs.readFileSync(path.join(repositoryRoot, 'docs', file), 'utf8'))
    .join('\n');

  // Named in code style (`NAME` or `NAME=value`) somewhere under docs/ (operations.md has the shared table; a part's own page may hold the rest).
  it.each(Object.entries(configSchemas))('every variable %s reads is documented under docs/', (_daemon, schema) => {
    const undocumented = Object.keys(schema.shape).filter((name) => !documentation.includes(`\`${name}\``) && !documentation.includes(`\`${name}=`));
    expect(undocumented).toEqual([]);
  });
});
