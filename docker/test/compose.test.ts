import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DAEMON_HEAP_LIMIT_MB, daemonHeapNodeArgs, parseConfig } from '@interflow/core';
import { generateSecretKeySpec } from '@interflow/registry';
import { apiConfigSchema } from '../../apps/api/src/config';
import { producerConfigSchema } from '../../apps/producer/src/config';
import { runnerConfigSchema } from '../../apps/runner/src/config';
import { launcherConfigSchema } from '../../apps/launcher/src/config';
import { httpConnectorConfigSchema } from '../../apps/http-connector/src/config';

/**
 * No Docker engine runs here, so the compose file and the Dockerfile are checked
 * statically: every service starts an entry point that exists in the repository, and
 * its environment passes that daemon's own configuration validation.
 */
const dockerDir = path.resolve(__dirname, '..');
const root = path.resolve(dockerDir, '..');

interface ComposeService {
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
  restart?: string;
  mem_limit?: string;
}

/** What an operator exports before `docker compose up`: the variables compose interpolates. */
const operatorEnvironment: Record<string, string> = {
  INTERFLOW_SECRET_KEY: generateSecretKeySpec('k1'),
  HTTP_CONNECTOR_SIGNING_SECRET: 'a-signing-secret-of-enough-length',
};

/** Compose's `${NAME}` / `${NAME:?message}` / `${NAME:-default}` interpolation. */
function interpolate(text: string): string {
  return text.replace(/\$\{([A-Z0-9_]+)(?::([?-])([^}]*))?\}/g, (_match, name: string, kind?: string, rest?: string) => {
    const value = operatorEnvironment[name];
    if (value !== undefined) return value;
    if (kind === '-') return rest ?? '';
    throw new Error(`compose needs ${name}: ${rest ?? 'unset'}`);
  });
}

const compose = parse(interpolate(fs.readFileSync(path.join(dockerDir, 'compose.yaml'), 'utf8')), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const built = Object.entries(compose.services).filter(([, service]) => service.build);

const configSchemas = {
  api: apiConfigSchema,
  producer: producerConfigSchema,
  runner: runnerConfigSchema,
  launcher: launcherConfigSchema,
  'http-connector': httpConnectorConfigSchema,
} as const;

/** `apps/x/dist/y.js` → `apps/x/src/y.ts`, the source the build turns into it. */
function sourceOf(distPath: string): string {
  return path.join(root, distPath.replace('/dist/', '/src/').replace(/\.js$/, '.ts'));
}

describe('docker/compose.yaml', () => {
  it('has postgres, a one-shot migrate job, api, producer, several runners and the HTTP connector', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgres', 'migrate', 'api', 'producer', 'runner', 'http-connector']));
    expect(compose.services.migrate?.restart).toBe('no');
    expect(compose.services.runner?.deploy?.replicas).toBeGreaterThan(1);
  });

  it.each(built)('%s builds from a Dockerfile that exists and runs an entry point that exists', (_name, service) => {
    const build = service.build!;
    expect(fs.existsSync(path.resolve(dockerDir, build.context, build.dockerfile))).toBe(true);
    const app = build.args?.APP;
    expect(app).toBeDefined();
    const entry = service.command ? service.command[service.command.length - 1]! : `apps/${app}/dist/main.js`;
    expect(fs.existsSync(sourceOf(entry))).toBe(true);
  });

  it.each(built)('%s is configured with variables its daemon accepts', (_name, service) => {
    const app = service.build!.args!.APP as keyof typeof configSchemas;
    const schema = configSchemas[app];
    expect(schema).toBeDefined();
    expect(() => parseConfig(schema, service.environment ?? {})).not.toThrow();
  });

  it.each([
    ['api', DAEMON_HEAP_LIMIT_MB.api],
    ['producer', DAEMON_HEAP_LIMIT_MB.producer],
    ['runner', DAEMON_HEAP_LIMIT_MB.runner],
    ['http-connector', DAEMON_HEAP_LIMIT_MB.connector],
  ])('%s has a memory limit twice its heap, so Node sizes the heap as npm start and Kubernetes do', (name, heapLimitMb) => {
    expect(compose.services[name]?.mem_limit).toBe(`${heapLimitMb * 2}m`);
  });

  it('starts the daemons only after the migrate job succeeded', () => {
    for (const name of ['api', 'producer', 'runner']) {
      expect(compose.services[name]?.depends_on?.migrate?.condition).toBe('service_completed_successfully');
    }
  });
});

describe('docker/Dockerfile', () => {
  const dockerfile = fs.readFileSync(path.join(dockerDir, 'Dockerfile'), 'utf8');

  it('is multi-stage, runs as a non-root user and chooses the app by argument', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    const user = dockerfile.match(/^USER (\S+)/m)?.[1];
    expect(user).toBeDefined();
    expect(user).not.toBe('root');
    expect(dockerfile).toMatch(/^ARG APP=/m);
    expect(dockerfile).toContain('apps/${APP}/dist/main.js');
  });

  it('gives each daemon the semi-spaces npm start gives it (Node would cap them at 1 MB in a 512 MiB container)', () => {
    const young = daemonHeapNodeArgs(DAEMON_HEAP_LIMIT_MB.api, '').filter((arg) => arg.includes('semi-space'));
    expect(young).toHaveLength(1);
    expect(dockerfile).toMatch(new RegExp(`^\\s+NODE_OPTIONS=${young[0]}$`, 'm'));
  });
});
