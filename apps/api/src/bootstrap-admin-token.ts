import { ensureBootstrapAdmin, type Logger, type Sql } from '@interflow/core';

const RETRY_MS = 2000;

/**
 * Registers or issues the bootstrap admin token, retrying until the tables exist (an
 * api may start before `npm run migrate` has finished). A generated token goes to
 * stdout as plain text, once: it is the operator's only way in, and it never passes
 * through the logger.
 */
export function bootstrapAdminToken(options: {
  sql: Sql;
  logger: Logger;
  configuredToken: string | undefined;
  stopped(): boolean;
}): Promise<void> {
  const attempt = async (): Promise<void> => {
    try {
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
    } catch (error) {
      if (options.stopped()) return;
      options.logger.warn('bootstrap admin token not ready yet; retrying', { error: String(error), retryMs: RETRY_MS });
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS).unref());
      return attempt();
    }
  };
  return attempt();
}
