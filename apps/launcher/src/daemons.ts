import path from 'node:path';
import { DAEMON_HEAP_LIMIT_MB } from '@interflow/core';
import type { LauncherConfig } from './config';
import { REPOSITORY_ROOT } from './config';
import { shutdownBudget } from './shutdown-budget';

export interface DaemonSpec {
  name: string;
  script: string;
  env: Record<string, string>;
  /** The V8 old space it gets, in MB, as its container would give it (unless NODE_OPTIONS sets one). */
  heapLimitMb: number;
}

/** Settings the example's processes and its registration share. */
export interface ExampleSetup {
  /** The connector's signing secret: the one the service already has, else a new one to register. */
  signingSecret: string;
  /** The service does not have `signingSecret` yet: registration sets it. */
  signingSecretIsNew: boolean;
  fakeOrdersApiKey: string;
  connectorUrl: string;
  fakeOrdersApiUrl: string;
}

/** The built-in HTTP connector's settings for this start. */
export interface HttpConnectorSetup {
  /** The connector's signing secret: the one the service already has, else a new one to register. */
  signingSecret: string;
  /** The service does not have `signingSecret` yet: registration sets it. */
  signingSecretIsNew: boolean;
  connectorUrl: string;
  port: number;
}

/**
 * The daemons `npm start` runs, each exactly as a container would run it: api,
 * producer, runner and the built-in HTTP connector; with the example, also the example
 * connector and the fake orders API it talks to.
 */
export function daemonSpecs(
  config: LauncherConfig,
  databaseUrl: string,
  secretKey: string,
  example: ExampleSetup | null,
  http: HttpConnectorSetup | null = null,
): DaemonSpec[] {
  const budget = shutdownBudget(config.SHUTDOWN_GRACE_MS);
  const shared = {
    DATABASE_URL: databaseUrl,
    DATABASE_SCHEMA: config.DATABASE_SCHEMA,
    LOG_LEVEL: config.LOG_LEVEL,
    INTERFLOW_SECRET_KEY: secretKey,
    INTERFLOW_OUTBOUND_ALLOW: config.INTERFLOW_OUTBOUND_ALLOW,
    // each daemon drains within its share, so that the database still stops in the launcher's grace
    SHUTDOWN_GRACE_MS: String(budget.daemonGraceMs),
  };
  const runnerDrain = config.RUNNER_DRAIN_GRACE_MS ?? budget.runnerDrainMs;
  const app = (name: string) => path.join(REPOSITORY_ROOT, 'apps', name, 'dist', 'main.js');
  const daemons: DaemonSpec[] = [
    { name: 'api', script: app('api'), env: { ...shared, PORT: String(config.PORT) }, heapLimitMb: DAEMON_HEAP_LIMIT_MB.api },
    {
      name: 'producer',
      script: app('producer'),
      env: { ...shared, HEALTH_PORT: String(config.PRODUCER_HEALTH_PORT) },
      heapLimitMb: DAEMON_HEAP_LIMIT_MB.producer,
    },
    {
      name: 'runner',
      script: app('runner'),
      env: { ...shared, HEALTH_PORT: String(config.RUNNER_HEALTH_PORT), RUNNER_DRAIN_GRACE_MS: String(runnerDrain) },
      heapLimitMb: DAEMON_HEAP_LIMIT_MB.runner,
    },
  ];
  if (http) {
    daemons.push({
      name: 'http-connector',
      script: app('http-connector'),
      env: {
        LOG_LEVEL: config.LOG_LEVEL,
        HTTP_CONNECTOR_PORT: String(http.port),
        CONNECTOR_SIGNING_SECRET: http.signingSecret,
        INTERFLOW_OUTBOUND_ALLOW: config.INTERFLOW_OUTBOUND_ALLOW,
      },
      heapLimitMb: DAEMON_HEAP_LIMIT_MB.connector,
    });
  }
  if (!example) return daemons;
  const exampleApp = path.join(REPOSITORY_ROOT, 'apps', 'example-connector', 'dist');
  return [
    ...daemons,
    {
      name: 'fake-orders-api',
      script: path.join(exampleApp, 'fake-orders-api', 'main.js'),
      env: { LOG_LEVEL: config.LOG_LEVEL, FAKE_ORDERS_API_PORT: String(config.FAKE_ORDERS_API_PORT), FAKE_ORDERS_API_KEY: example.fakeOrdersApiKey },
      heapLimitMb: DAEMON_HEAP_LIMIT_MB.connector,
    },
    {
      name: 'example-connector',
      script: path.join(exampleApp, 'main.js'),
      env: { LOG_LEVEL: config.LOG_LEVEL, EXAMPLE_CONNECTOR_PORT: String(config.EXAMPLE_CONNECTOR_PORT), CONNECTOR_SIGNING_SECRET: example.signingSecret },
      heapLimitMb: DAEMON_HEAP_LIMIT_MB.connector,
    },
  ];
}
