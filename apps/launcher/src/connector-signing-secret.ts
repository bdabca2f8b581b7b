import { createSqlClient, describeError, type Logger } from '@interflow/core';
import { createKeyring, findSigningSecretByName, generateSigningSecret, parseKeySpec, type SecretKey } from '@interflow/registry';
import type { LauncherConfig } from './config';

/**
 * The signing secret a connector that `npm start` runs starts with. The producer may fire
 * a schedule as soon as it starts, before the launcher has registered anything; if the
 * connector had a new secret by then, that run would be signed with the old one and
 * refused. So the secret stays what the registered service already has; only the first
 * start (or a service whose secret these keys cannot open) makes a new one.
 */
export async function connectorSigningSecret(options: {
  serviceName: string;
  config: LauncherConfig;
  databaseUrl: string;
  secretKey: string;
  logger: Logger;
}): Promise<{ secret: string; isNew: boolean }> {
  const { config, logger } = options;
  const keys = [options.secretKey, config.INTERFLOW_SECRET_KEY_SECONDARY].filter((spec): spec is string => !!spec).map(parseKeySpec);
  const [active, ...others] = keys.filter((key): key is SecretKey => typeof key !== 'string');
  const sql = createSqlClient({ url: options.databaseUrl, schema: config.DATABASE_SCHEMA, max: 1, applicationName: 'interflow-launcher' });
  try {
    const stored = active ? await findSigningSecretByName(sql, createKeyring(active, others), options.serviceName) : null;
    if (stored) return { secret: stored, isNew: false };
  } catch (error) {
    logger.warn('a connector signing secret cannot be read; registering a new one', { service: options.serviceName, error: describeError(error) });
  } finally {
    await sql.end({ timeout: 2 });
  }
  return { secret: generateSigningSecret(), isNew: true };
}
