import crypto from 'node:crypto';
import path from 'node:path';
import { PostgresBroker } from '@interflow/broker-postgres';
import { createSilentLogger } from '@interflow/core';
import {
  createAction,
  createDeployment,
  createKeyring,
  getRun,
  hashRunInput,
  insertQueuedRun,
  listRunAttempts,
  recordRunMessage,
  parseKeySpec,
  registerService,
  runRequestKeys,
  runRequestMessage,
  type RateLimit,
  type RetryPolicy,
  type RunRequestKeys,
  type Run,
  type RunAttempt,
  type SecretKeyring,
} from '@interflow/registry';
import { createTestDatabase, freePort, startDaemon, waitFor, type DaemonProcess, type TestDatabase } from '@interflow/test-kit';
import { ensureActionQueues } from '../../src/action-queues';
import { SCRIPTED_METHODS, startScriptedConnector, type ScriptedConnector } from './scripted-connector';

export const RUNNER_SCRIPT = path.resolve(__dirname, '..', '..', 'dist', 'main.js');

/**
 * A test world for the runner: a fresh schema, a broker on it, the scripted connector
 * registered as a service with one deployment, and built runner daemons started on demand.
 */
export interface RunnerWorld {
  db: TestDatabase;
  broker: PostgresBroker;
  keyring: SecretKeyring;
  /** Signs run requests as the api and the producer do (derived from the installation key). */
  runRequestKeys: RunRequestKeys;
  secretKeySpec: string;
  connector: ScriptedConnector;
  serviceId: string;
  createDeployment(options?: { rateLimit?: RateLimit | null; maxConcurrency?: number | null }): Promise<string>;
  createAction(options: { deploymentId: string; method: string; retryPolicy?: RetryPolicy; name?: string; timeoutMs?: number; cacheTtlMs?: number }): Promise<string>;
  /** Publishes a signed run request for the action, without a run id, as a schedule's fire does. */
  requestRun(actionId: string, input: Record<string, unknown>, options?: { replyTo?: string }): Promise<string>;
  /** As the api triggers: a queued run and its request (with `run_id`) in one transaction. Answers the run id. */
  triggerRun(actionId: string, input: Record<string, unknown>, options?: { signedWith?: string }): Promise<string>;
  /** Starts a built runner; it counts as started once `startedWhen` (default `/readyz`) answers 200. */
  startRunner(env?: Record<string, string>, startedWhen?: '/readyz' | '/healthz'): Promise<DaemonProcess & { healthUrl: string }>;
  runsOf(actionId: string): Promise<Run[]>;
  attemptsOf(runId: string): Promise<RunAttempt[]>;
  close(): Promise<void>;
}

export async function createRunnerWorld(): Promise<RunnerWorld> {
  const db = await createTestDatabase({ poolSize: 8 });
  const secretKeySpec = `test-key:${crypto.randomBytes(32).toString('base64')}`;
  const key = parseKeySpec(secretKeySpec);
  if (typeof key === 'string') throw new Error(key);
  const keyring = createKeyring(key);
  const broker = new PostgresBroker({ sql: db.sql, logger: createSilentLogger(), schema: db.schema });
  await ensureActionQueues(broker, ['interflow.actions']);
  const connector = await startScriptedConnector(crypto.randomBytes(24).toString('base64url'));
  const { service } = await registerService(
    db.sql,
    keyring,
    { name: `scripted-${crypto.randomBytes(3).toString('hex')}`, baseUrl: connector.baseUrl, methods: SCRIPTED_METHODS.map((m) => ({ ...m })) },
    connector.signingSecret,
  );
  const runners: DaemonProcess[] = [];
  let sequence = 0;

  return {
    db,
    broker,
    keyring,
    runRequestKeys: runRequestKeys(keyring),
    secretKeySpec,
    connector,
    serviceId: service.id,
    async createDeployment(options = {}) {
      const deployment = await createDeployment(db.sql, keyring, {
        name: `deployment-${++sequence}`,
        serviceId: service.id,
        connection: { region: 'test' },
        credentials: { api_key: `secret-${sequence}` },
        rateLimit: options.rateLimit ?? null,
        maxConcurrency: options.maxConcurrency ?? null,
      });
      return deployment.id;
    },
    async createAction(options) {
      const { action } = await createAction(db.sql, {
        name: options.name ?? `action-${++sequence}`,
        deploymentId: options.deploymentId,
        method: options.method,
        retryPolicy: options.retryPolicy,
        timeoutMs: options.timeoutMs,
        cacheTtlMs: options.cacheTtlMs ?? null,
      });
      return action.id;
    },
    async requestRun(actionId, input, options = {}) {
      const request = runRequestMessage(runRequestKeys(keyring), { actionId, runId: null, input, trigger: 'schedule' }, options.replyTo ?? null);
      const receipt = await broker.publish({
        exchange: '',
        routingKey: 'interflow.actions',
        mandatory: true,
        message: { ...request, replyTo: options.replyTo },
      });
      const id = receipt.messageIds[0];
      if (!id) throw new Error('publish stored nothing');
      return id;
    },
    async triggerRun(actionId, input, options = {}) {
      const signingKey = options.signedWith === undefined ? key : parseKeySpec(options.signedWith);
      if (typeof signingKey === 'string') throw new Error(signingKey);
      const runId = crypto.randomUUID();
      const [action] = await db.sql<{ deployment_id: string }[]>`select deployment_id from actions where id = ${actionId}`;
      if (!action) throw new Error(`no action ${actionId}`);
      await db.sql.begin(async (tx) => {
        await insertQueuedRun(tx, { id: runId, actionId, deploymentId: action.deployment_id, trigger: 'api', triggeredBy: 'test', input, inputHash: hashRunInput(input) });
        const [receipt] = await broker.publishWithin(tx, [
          {
            exchange: '',
            routingKey: 'interflow.actions',
            mandatory: true,
            message: runRequestMessage(runRequestKeys(createKeyring(signingKey)), { actionId, runId, input, trigger: 'api' }),
          },
        ]);
        const messageId = receipt?.messageIds[0];
        if (messageId) await recordRunMessage(tx, runId, messageId);
      });
      return runId;
    },
    async startRunner(env = {}, startedWhen = '/readyz') {
      const port = await freePort();
      const runner = await startDaemon({
        script: RUNNER_SCRIPT,
        env: {
          DATABASE_URL: db.url,
          DATABASE_SCHEMA: db.schema,
          DATABASE_POOL_SIZE: '6',
          HEALTH_PORT: String(port),
          INTERFLOW_SECRET_KEY: secretKeySpec,
          // The scripted connector listens on loopback: allowed explicitly.
          INTERFLOW_OUTBOUND_ALLOW: '127.0.0.1',
          LOG_LEVEL: 'info',
          ...env,
        },
        readyUrl: `http://127.0.0.1:${port}${startedWhen}`,
      });
      runners.push(runner);
      // Ready means migrated; consuming starts right after: wait for the consumer to say so.
      await waitFor(() => runner.logs.some((line) => line.message === 'runner consuming'), { description: 'the runner to consume' });
      return Object.assign(runner, { healthUrl: `http://127.0.0.1:${port}` });
    },
    async runsOf(actionId) {
      const rows = await db.sql<{ id: string }[]>`select id from runs where action_id = ${actionId} order by seq`;
      return Promise.all(rows.map((row) => getRun(db.sql, row.id)));
    },
    attemptsOf: (runId) => listRunAttempts(db.sql, runId),
    async close() {
      await Promise.all(runners.map((runner) => runner.stop('SIGKILL')));
      await broker.close();
      await connector.close();
      await db.drop();
    },
  };
}
