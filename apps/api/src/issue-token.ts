import { parseArgs } from 'node:util';
import { z } from 'zod';
import { baseConfigShape, createSqlClient, failureLine, parseConfigOrExit } from '@interflow/core';
import { ROLES, type Role } from '@interflow/registry';
import { createApiToken } from './access/api-tokens';

/**
 * `npm run issue-token -w apps/api -- --name NAME [--role admin|operator|viewer] [--ttl-seconds N]`:
 * issues an api token straight into the database and prints `{"id","token"}` as one JSON
 * line — the way back in when every admin token is lost, and how the launcher gets the
 * short-lived token it registers the examples with. Only the api touches `api_tokens`.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { name: { type: 'string' }, role: { type: 'string', default: 'admin' }, 'ttl-seconds': { type: 'string' } },
  });
  const role = values.role as Role;
  const ttlSeconds = values['ttl-seconds'] === undefined ? null : Number(values['ttl-seconds']);
  if (!values.name || !ROLES.includes(role) || (ttlSeconds !== null && !(Number.isInteger(ttlSeconds) && ttlSeconds > 0))) {
    process.stderr.write('usage: issue-token --name NAME [--role admin|operator|viewer] [--ttl-seconds N]\n');
    process.exit(2);
  }
  const config = parseConfigOrExit('issue-token', z.object(baseConfigShape), process.env);
  const sql = createSqlClient({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, max: 1, applicationName: 'interflow-issue-token' });
  try {
    const expiresAt = ttlSeconds === null ? null : new Date(Date.now() + ttlSeconds * 1000);
    const { token, secret } = await createApiToken(sql, { name: values.name, role, expiresAt });
    process.stdout.write(`${JSON.stringify({ id: token.id, token: secret })}\n`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(failureLine('issue-token', 'failed', error));
  process.exit(1);
});
