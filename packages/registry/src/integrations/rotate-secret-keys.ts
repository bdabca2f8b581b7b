import { type Sql, type Logger } from '@interflow/core';
import { openSecret, sealSecret } from './crypto/secret-box';
import type { SecretKeyring } from './crypto/secret-keyring';
import { credentialsContext } from './deployments';
import { signingSecretContext } from './services';

export interface RotationReport {
  deployments: number;
  services: number;
}

const BATCH = 100;

/** Where one kind of sealed value lives: its table, its two columns, its AAD context. */
interface SealedColumn {
  table: 'deployments' | 'services';
  keyIdColumn: string;
  sealedColumn: string;
  context: (rowId: string) => string;
}

const SEALED_COLUMNS: Record<keyof RotationReport, SealedColumn> = {
  deployments: { table: 'deployments', keyIdColumn: 'credentials_key_id', sealedColumn: 'credentials_sealed', context: credentialsContext },
  services: { table: 'services', keyIdColumn: 'signing_key_id', sealedColumn: 'signing_secret', context: signingSecretContext },
};

/**
 * Re-encrypts every sealed value not yet under the keyring's active key: deployment
 * credentials and service signing secrets. Each row is re-sealed under its row lock in
 * batches of short transactions, so daemons keep serving meanwhile (a concurrent
 * update of a row just waits for its batch). Safe to run again after an interruption:
 * it resumes with what is left.
 */
export async function rotateSecretKeys(sql: Sql, keyring: SecretKeyring, logger: Logger): Promise<RotationReport> {
  const report: RotationReport = {
    deployments: await resealColumn(sql, keyring, SEALED_COLUMNS.deployments),
    services: await resealColumn(sql, keyring, SEALED_COLUMNS.services),
  };
  logger.info('secret keys rotated', { activeKeyId: keyring.active.id, ...report });
  return report;
}

/** Re-seals one column's values under the active key, a batch per transaction; returns how many. */
async function resealColumn(sql: Sql, keyring: SecretKeyring, column: SealedColumn): Promise<number> {
  const active = keyring.active.id;
  let resealed = 0;
  for (;;) {
    const done = await sql.begin(async (tx) => {
      const rows = await tx<{ id: string; key_id: string; sealed: Buffer }[]>`
        select id, ${tx(column.keyIdColumn)} as key_id, ${tx(column.sealedColumn)} as sealed from ${tx(column.table)}
        where ${tx(column.keyIdColumn)} <> ${active} order by id limit ${BATCH} for update`;
      for (const row of rows) {
        const plain = openSecret(keyring, { keyId: row.key_id, sealed: row.sealed }, column.context(row.id));
        const sealed = sealSecret(keyring, plain, column.context(row.id));
        await tx`update ${tx(column.table)} set ${tx(column.keyIdColumn)} = ${sealed.keyId}, ${tx(column.sealedColumn)} = ${sealed.sealed} where id = ${row.id}`;
      }
      resealed += rows.length;
      return rows.length < BATCH;
    });
    if (done) return resealed;
  }
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
