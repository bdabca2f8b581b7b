import crypto from 'node:crypto';
import { createSqlClient, type Logger } from '@interflow/core';
import type { LauncherConfig } from './config';
import type { ExampleSetup } from './daemons';
import { registerExample } from './register-example';

/** The example's settings for this start: a fresh signing secret, local URLs. */
export function exampleSetup(config: LauncherConfig): ExampleSetup | null {
  if (!config.EXAMPLE) return null;
  return {
    signingSecret: crypto.randomBytes(32).toString('base64url'),
    fakeOrdersApiKey: 'demo-orders-api-key',
    connectorUrl: `http://127.0.0.1:${config.EXAMPLE_CONNECTOR_PORT}`,
    fakeOrdersApiUrl: `http://127.0.0.1:${config.FAKE_ORDERS_API_PORT}`,
  };
}

/**
 * Once the api and the connector answer, registers the example and says where to look.
 * Runs beside the daemons: a failure is logged and leaves Interflow running.
 */
export async function registerExampleWhenUp(options: {
  config: LauncherConfig;
  databaseUrl: string;
  example: ExampleSetup;
  logger: Logger;
  stopped: () => boolean;
}): Promise<void> {
  const { config, example, logger } = options;
  const apiUrl = `http://127.0.0.1:${config.PORT}`;
  const sql = createSqlClient({ url: options.databaseUrl, schema: config.DATABASE_SCHEMA, max: 1, applicationName: 'interflow-launcher' });
  try {
    const deadline = Date.now() + 120_000;
    while (!(await answers(`${apiUrl}/readyz`)) || !(await answers(`${example.connectorUrl}/healthz`))) {
      if (options.stopped()) return;
      if (Date.now() > deadline) throw new Error('the api or the example connector did not come up within 2 minutes');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const { actionId } = await registerExample({ sql, logger, apiUrl, example, scheduleEveryMs: config.EXAMPLE_SCHEDULE_EVERY_MS });
    logger.info('example registered: the schedule runs it every few seconds', {
      actionId,
      runs: `${apiUrl}/v1/runs?action_id=${actionId}`,
      everyMs: config.EXAMPLE_SCHEDULE_EVERY_MS,
    });
  } catch (error) {
    logger.error('registering the example failed; Interflow keeps running without it', { error: String(error) });
  } finally {
    await sql.end({ timeout: 2 });
  }
}

async function answers(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) }).catch(() => null);
  return response?.status === 200;
}
