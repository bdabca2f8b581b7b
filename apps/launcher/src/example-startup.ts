import { describeError, type Logger } from '@interflow/core';
import type { LauncherConfig } from './config';
import type { ExampleSetup, HttpConnectorSetup } from './daemons';
import { connectorSigningSecret } from './connector-signing-secret';
import { EXAMPLE_NAMES, registerExample } from './register-example';
import { HTTP_CONNECTOR_NAMES, registerHttpConnector } from './register-http-connector';
import { withRegistrationToken } from './registration-token';

/**
 * The example's settings for this start: local URLs, and the signing secret the example
 * service already has (so a schedule firing before registration is signed right).
 */
export async function exampleSetup(config: LauncherConfig, databaseUrl: string, secretKey: string, logger: Logger): Promise<ExampleSetup | null> {
  if (!config.EXAMPLE) return null;
  const { secret, isNew } = await connectorSigningSecret({ serviceName: EXAMPLE_NAMES.service, config, databaseUrl, secretKey, logger });
  return {
    signingSecret: secret,
    signingSecretIsNew: isNew,
    fakeOrdersApiKey: 'demo-orders-api-key',
    connectorUrl: `http://127.0.0.1:${config.EXAMPLE_CONNECTOR_PORT}`,
    fakeOrdersApiUrl: `http://127.0.0.1:${config.FAKE_ORDERS_API_PORT}`,
  };
}

/** The HTTP connector's settings for this start: the signing secret its service already has, a local URL. */
export async function httpConnectorSetup(config: LauncherConfig, databaseUrl: string, secretKey: string, logger: Logger): Promise<HttpConnectorSetup | null> {
  if (!config.HTTP_CONNECTOR) return null;
  const { secret, isNew } = await connectorSigningSecret({ serviceName: HTTP_CONNECTOR_NAMES.service, config, databaseUrl, secretKey, logger });
  return {
    signingSecret: secret,
    signingSecretIsNew: isNew,
    connectorUrl: `http://127.0.0.1:${config.HTTP_CONNECTOR_PORT}`,
    port: config.HTTP_CONNECTOR_PORT,
  };
}

/**
 * Once the api and the connectors answer, registers the HTTP connector and the example,
 * and says where to look. Runs beside the daemons: a failure is logged and leaves
 * Interflow running.
 */
export async function registerExampleWhenUp(options: {
  config: LauncherConfig;
  databaseUrl: string;
  example: ExampleSetup | null;
  http: HttpConnectorSetup | null;
  logger: Logger;
  stopped: () => boolean;
}): Promise<void> {
  const { config, example, http, logger } = options;
  const apiUrl = `http://127.0.0.1:${config.PORT}`;
  try {
    const deadline = Date.now() + 120_000;
    const urls = [`${apiUrl}/readyz`, ...(example ? [`${example.connectorUrl}/healthz`] : []), ...(http ? [`${http.connectorUrl}/healthz`] : [])];
    while (!(await allAnswer(urls))) {
      if (options.stopped()) return;
      if (Date.now() > deadline) throw new Error('the api or a connector did not come up within 2 minutes');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const tokenOptions = { apiUrl, databaseUrl: options.databaseUrl, schema: config.DATABASE_SCHEMA, logger };
    await withRegistrationToken(tokenOptions, (token) => registerAll({ token, apiUrl, example, http, logger, config }));
  } catch (error) {
    logger.error('registering the example failed; Interflow keeps running without it', { error: describeError(error) });
  }
}

async function registerAll(options: {
  token: string;
  apiUrl: string;
  example: ExampleSetup | null;
  http: HttpConnectorSetup | null;
  logger: Logger;
  config: LauncherConfig;
}): Promise<void> {
  const { token, apiUrl, example, http, logger, config } = options;
  if (http) {
    const registered = await registerHttpConnector({ token, logger, apiUrl, http, example });
    logger.info('http connector registered as the service `http`', { serviceId: registered.serviceId, exampleActionId: registered.actionId });
  }
  if (!example) return;
  const { actionId } = await registerExample({ token, apiUrl, example, scheduleEveryMs: config.EXAMPLE_SCHEDULE_EVERY_MS });
  logger.info('example registered: the schedule runs it every few seconds', {
    actionId,
    runs: `${apiUrl}/v1/runs?action_id=${actionId}`,
    everyMs: config.EXAMPLE_SCHEDULE_EVERY_MS,
  });
}

async function allAnswer(urls: string[]): Promise<boolean> {
  for (const url of urls) if (!(await answers(url))) return false;
  return true;
}

async function answers(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) }).catch(() => null);
  return response?.status === 200;
}
