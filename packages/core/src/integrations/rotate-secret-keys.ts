import type { Sql } from '../db/sql-client';
import type { Logger } from '../logger/create-logger';
import { openSecret, sealSecret } from './crypto/secret-box';
import type { SecretKeyring } from './crypto/secret-keyring';
import { credentialsContext } from './deployments';
import { signingSecretContext } from './services';

export interface RotationReport {
  deployments: number;
  services: number;
}

const BATCH = 100;

/**
 * Re-encrypts every sealed value not yet under the keyring's active key: deployment
 * credentials and service signing secrets. Each row is re-sealed under its row lock in
 * batches of short transactions, so daemons keep serving meanwhile (a concurrent
 * update of a row just waits for its batch). Safe to run again after an interruption:
 * it resumes with what is left.
 */
export async function rotateSecretKeys(sql: Sql, keyring: SecretKeyring, logger: Logger): Promise<RotationReport> {
  const active = keyring.active.id;
  const report: RotationReport = { deployments: 0, services: 0 };
  for (;;) {
    const done = await sql.begin(async (tx) => {
      const rows = await tx<{ id: string; credentials_key_id: string; credentials_sealed: Buffer }[]>`
        select id, credentials_key_id, credentials_sealed from deployments
        where credentials_key_id <> ${active} order by id limit ${BATCH} for update`;
      for (const row of rows) {
        const plain = openSecret(keyring, { keyId: row.credentials_key_id, sealed: row.credentials_sealed }, credentialsContext(row.id));
        const sealed = sealSecret(keyring, plain, credentialsContext(row.id));
        await tx`update deployments set credentials_key_id = ${sealed.keyId}, credentials_sealed = ${sealed.sealed} where id = ${row.id}`;
      }
      report.deployments += rows.length;
      return rows.length < BATCH;
    });
    if (done) break;
  }
  for (;;) {
    const done = await sql.begin(async (tx) => {
      const rows = await tx<{ id: string; signing_key_id: string; signing_secret: Buffer }[]>`
        select id, signing_key_id, signing_secret from services
        where signing_key_id <> ${active} order by id limit ${BATCH} for update`;
      for (const row of rows) {
        const plain = openSecret(keyring, { keyId: row.signing_key_id, sealed: row.signing_secret }, signingSecretContext(row.id));
        const sealed = sealSecret(keyring, plain, signingSecretContext(row.id));
        await tx`update services set signing_key_id = ${sealed.keyId}, signing_secret = ${sealed.sealed} where id = ${row.id}`;
      }
      report.services += rows.length;
      return rows.length < BATCH;
    });
    if (done) break;
  }
  logger.info('secret keys rotated', { activeKeyId: active, ...report });
  return report;
}

/** How many sealed values are under each key id (to see whether a rotation is complete). */
export async function sealedValuesByKey(sql: Sql): Promise<Record<string, number>> {
  const rows = await sql<{ key_id: string; n: number }[]>`
    select key_id, count(*)::int as n from (
      select credentials_key_id as key_id from deployments
      union all select signing_key_id from services
    ) sealed group by key_id`;
  return Object.fromEntries(rows.map((r) => [r.key_id, r.n]));
}
