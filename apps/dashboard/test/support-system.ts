import crypto from 'node:crypto';
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { generateSecretKeySpec } from '@interflow/registry';
import { createConnector, defineMethod, PermanentError } from '@interflow/connector-sdk';
import { createTestDatabase, freePort, startDaemon, waitFor, type DaemonProcess, type TestDatabase } from '@interflow/test-kit';

const APPS = path.resolve(__dirname, '..', '..');

export interface RunningSystem {
  db: TestDatabase;
  baseUrl: string;
  adminToken: string;
  viewerToken: string;
  actionId: string;
  deploymentId: string;
  /** A call to the api as admin; throws on a non-2xx answer. */
  call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/**
 * The real system for the browser: the built api (serving /ui), producer and runner as
 * child processes on a fresh schema, and a connector built with the SDK whose `greet`
 * fails for good when asked to greet "nobody".
 */
export async function startSystem(): Promise<RunningSystem> {
  const db = await createTestDatabase({ poolSize: 3 });
  const signingSecret = crypto.randomBytes(32).toString('base64url');
  const connectorApp = createConnector({
    name: 'greeter',
    signingSecret,
    methods: [
      defineMethod({
        name: 'greet',
        input: z.object({ name: z.string() }),
        handler: (context) => {
          if (context.input.name === 'nobody') throw new PermanentError('there is nobody to greet');
          return { greeting: `hello ${context.input.name}` };
        },
      }),
    ],
  });
  const connector: Server = connectorApp.listen(0, '127.0.0.1');
  await new Promise((resolve) => connector.once('listening', resolve));
  const connectorUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}`;

  const adminToken = `ifw_dashboard_test_${crypto.randomBytes(24).toString('hex')}`;
  const secretKey = generateSecretKeySpec('ui');
  const common = { DATABASE_URL: db.url, DATABASE_SCHEMA: db.schema, DATABASE_POOL_SIZE: '4', LOG_LEVEL: 'info' };
  const [apiPort, producerPort, runnerPort] = [await freePort(), await freePort(), await freePort()];
  const daemons: DaemonProcess[] = [];
  const stopAll = async () => {
    for (const daemon of daemons.reverse()) await daemon.stop('SIGTERM');
    await new Promise<void>((resolve) => connector.close(() => resolve()));
    await db.drop();
  };
  try {
    daemons.push(
      await startDaemon({
        script: path.join(APPS, 'api', 'dist', 'main.js'),
        env: { ...common, PORT: String(apiPort), HOST: '127.0.0.1', INTERFLOW_SECRET_KEY: secretKey, INTERFLOW_ADMIN_TOKEN: adminToken, EVENTS_POLL_INTERVAL_MS: '100', EVENTS_DEPTH_INTERVAL_MS: '500' },
        readyUrl: `http://127.0.0.1:${apiPort}/readyz`,
      }),
    );
    daemons.push(
      await startDaemon({
        script: path.join(APPS, 'runner', 'dist', 'main.js'),
        env: { ...common, HEALTH_PORT: String(runnerPort), INTERFLOW_SECRET_KEY: secretKey, INTERFLOW_OUTBOUND_ALLOW: '127.0.0.1' },
        readyUrl: `http://127.0.0.1:${runnerPort}/readyz`,
      }),
    );
    daemons.push(
      await startDaemon({
        script: path.join(APPS, 'producer', 'dist', 'main.js'),
        env: { ...common, HEALTH_PORT: String(producerPort), INTERFLOW_SECRET_KEY: secretKey },
        readyUrl: `http://127.0.0.1:${producerPort}/readyz`,
      }),
    );
    return await prepared();
  } catch (error) {
    // a start that failed half-way leaves no daemon behind
    await stopAll();
    throw error;
  }

  async function prepared(): Promise<RunningSystem> {
    const baseUrl = `http://127.0.0.1:${apiPort}`;
    const call = async <T,>(method: string, urlPath: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${baseUrl}${urlPath}`, {
        method,
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${urlPath} answered ${response.status}: ${text}`);
      return (text ? JSON.parse(text) : {}) as T;
    };
    // The bootstrap admin token is written once the api sees the migrated schema.
    await waitFor(async () => (await fetch(`${baseUrl}/v1/whoami`, { headers: { authorization: `Bearer ${adminToken}` } })).ok, {
      description: 'the bootstrap admin token',
    });
    const service = await call<{ id: string }>('POST', '/v1/services', {
      name: 'greeter',
      base_url: connectorUrl,
      signing_secret: signingSecret,
      methods: [{ name: 'greet', path: '/methods/greet', input_schema: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 } } } }],
    });
    const deployment = await call<{ id: string }>('POST', '/v1/deployments', { name: 'greeter-prod', service_id: service.id, credentials: { api_key: 'k-1' } });
    const action = await call<{ id: string }>('POST', '/v1/actions', {
      name: 'greet',
      deployment_id: deployment.id,
      method: 'greet',
      retry_policy: { max_attempts: 1, initial_delay_ms: 0, multiplier: 1, max_delay_ms: 0 },
    });
    const viewer = await call<{ token: string }>('POST', '/v1/tokens', { name: 'dashboard viewer', role: 'viewer' });
    await waitFor(() => daemons[1]?.logs.some((line) => line.message === 'runner consuming') ?? false, { description: 'the runner to consume' });
    return { db, baseUrl, adminToken, viewerToken: viewer.token, actionId: action.id, deploymentId: deployment.id, call, stop: stopAll };
  }
}
