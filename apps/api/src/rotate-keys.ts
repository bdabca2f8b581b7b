import { z } from 'zod';
import { baseConfigShape, createLogger, createSqlClient, failureLine, parseConfigOrExit } from '@interflow/core';
import { resealWebhookSecrets } from '@interflow/notifications';
import { keyringFromConfig, rotateSecretKeys, sealedValuesByKey, secretKeyConfigShape } from '@interflow/registry';

/**
 * `npm run rotate-keys -w apps/api`: re-encrypts every deployment credential, service
 * signing secret and recipient webhook secret that is not under INTERFLOW_SECRET_KEY (the active key), reading the old
 * ones with INTERFLOW_SECRET_KEY_SECONDARY. Daemons keep running meanwhile; run it again
 * after an interruption. Prints how many values are under each key afterwards.
 */
async function main(): Promise<void> {
  const config = parseConfigOrExit('rotate-keys', z.object({ ...baseConfigShape, ...secretKeyConfigShape }), process.env);
  const logger = createLogger({ service: 'rotate-keys', level: config.LOG_LEVEL });
  const keyring = keyringFromConfig(config);
  const sql = createSqlClient({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, max: 2, applicationName: 'interflow-rotate-keys' });
  try {
    const report = await rotateSecretKeys(sql, keyring, logger);
    const recipients = await resealWebhookSecrets(sql, keyring);
    logger.info('rotation complete', { ...report, recipients, sealedValuesByKey: await sealedValuesByKey(sql) });
  } finally {
    await sql.end({ timeout: 5 });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(failureLine('rotate-keys', 'failed', error));
  process.exit(1);
});
