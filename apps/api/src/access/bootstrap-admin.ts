import { type Sql, type Logger } from '@interflow/core';
import { createApiToken } from './api-tokens';
import { hashTokenSecret } from './token-secret';

/** The settings row recording that a generated bootstrap token was issued. */
export const BOOTSTRAP_ISSUED_SETTING = 'bootstrap_admin_token_issued';
export const BOOTSTRAP_TOKEN_NAME = 'bootstrap admin';

export interface BootstrapAdminOptions {
  sql: Sql;
  logger: Logger;
  /** INTERFLOW_ADMIN_TOKEN, when the operator set one. */
  configuredToken?: string | undefined;
  /** Shows a generated token to the operator (main writes it to stdout). Called at most once per installation. */
  announce(token: string): void;
}

export type BootstrapOutcome = 'configured_token_registered' | 'configured_token_present' | 'generated' | 'already_issued';

/**
 * Makes sure an admin can log in on a fresh installation.
 *
 * - With a configured token: its hash is registered as an admin token unless already
 *   there (a revoked one stays revoked: revocation wins over the environment).
 * - Without: a token is generated and announced once per installation. The `settings`
 *   row is inserted in the same transaction as the token, with `on conflict do nothing`,
 *   so of several replicas starting together exactly one issues (and prints) it.
 */
export async function ensureBootstrapAdmin(options: BootstrapAdminOptions): Promise<BootstrapOutcome> {
  const { sql, logger, configuredToken } = options;
  if (configuredToken) {
    const existing = await sql<{ id: string }[]>`
      select id from api_tokens where token_hash = ${hashTokenSecret(configuredToken)}`;
    if (existing.length > 0) return 'configured_token_present';
    const { token } = await createApiToken(sql, { name: BOOTSTRAP_TOKEN_NAME, role: 'admin', secret: configuredToken });
    logger.info('bootstrap admin token from INTERFLOW_ADMIN_TOKEN registered', { principalId: token.id });
    return 'configured_token_registered';
  }
  const issued = await sql.begin(async (tx) => {
    const claimed = await tx<{ key: string }[]>`
      insert into settings (key, value) values (${BOOTSTRAP_ISSUED_SETTING}, ${tx.json({ issuedAt: new Date().toISOString() })})
      on conflict (key) do nothing
      returning key`;
    if (claimed.length === 0) return null;
    return createApiToken(tx, { name: BOOTSTRAP_TOKEN_NAME, role: 'admin' });
  });
  if (!issued) return 'already_issued';
  options.announce(issued.secret);
  logger.warn('generated a bootstrap admin token; it was printed once and is not stored in clear', {
    principalId: issued.token.id,
  });
  return 'generated';
}
