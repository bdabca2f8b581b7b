import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describeError, type Logger } from '@interflow/core';
import { REPOSITORY_ROOT } from './config';

export interface RegistrationToken {
  id: string;
  token: string;
}

/**
 * Runs `use` with a short-lived admin token issued by the api's own `issue-token` command
 * (only the api touches `api_tokens`), and revokes the token through the REST API after.
 */
export async function withRegistrationToken<T>(
  options: { apiUrl: string; databaseUrl: string; schema: string; logger: Logger },
  use: (token: string) => Promise<T>,
): Promise<T> {
  const script = path.join(REPOSITORY_ROOT, 'apps', 'api', 'dist', 'issue-token.js');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [script, '--name', 'launcher: example registration', '--role', 'admin', '--ttl-seconds', '600'],
    { env: { ...process.env, DATABASE_URL: options.databaseUrl, DATABASE_SCHEMA: options.schema, LOG_LEVEL: 'error' }, timeout: 60_000 },
  );
  const issued = JSON.parse(stdout) as RegistrationToken;
  try {
    return await use(issued.token);
  } finally {
    const revoked = await fetch(`${options.apiUrl}/v1/tokens/${issued.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${issued.token}` },
      signal: AbortSignal.timeout(15_000),
    }).catch((error: unknown) => error);
    if (!(revoked instanceof Response) || !revoked.ok) {
      const reason = revoked instanceof Response ? `answered ${revoked.status}` : describeError(revoked).message;
      options.logger.warn('could not revoke the registration token; it expires in 10 minutes', { reason });
    }
  }
}
