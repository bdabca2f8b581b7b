import { type Logger, type Sql } from '@interflow/core';
import { ensureBootstrapAdmin } from './access/bootstrap-admin';

/**
 * Registers or issues the bootstrap admin token. A generated token goes to stdout as
 * plain text, once per installation: it is the operator's only way in, and it never
 * passes through the logger.
 */
export async function bootstrapAdminToken(options: { sql: Sql; logger: Logger; configuredToken: string | undefined }): Promise<void> {
  await ensureBootstrapAdmin({
    sql: options.sql,
    logger: options.logger,
    configuredToken: options.configuredToken,
    announce(token) {
      process.stdout.write(
        `\n  Interflow bootstrap admin token (shown once, store it now):\n\n    ${token}\n\n` +
          `  Use it as "Authorization: Bearer <token>"; create other tokens with POST /v1/tokens.\n\n`,
      );
    },
  });
}
