import { type Sql } from '@interflow/core';
import { openSecret, UnknownSecretKeyError } from './crypto/secret-box';
import type { SecretKeyring } from './crypto/secret-keyring';
import { credentialsContext } from './deployments';
import { signingSecretContext } from './services';

/** One sealed value standing for every value of its kind sealed under the same key id. */
export interface SealedSample {
  id: string;
  keyId: string;
  sealed: Buffer;
  /** How many values of the kind that key id seals. */
  sharing: number;
}

/**
 * Where sealed values of one kind are kept (each owner names its own table): one sample
 * per key id, and the context each value was sealed with.
 */
export interface SealedSecretSource {
  /** What the values are, plural, for the reason text: `service signing secret(s)`. */
  kind: string;
  samples(sql: Sql): Promise<SealedSample[]>;
  context(id: string): string;
}

const deploymentCredentials: SealedSecretSource = {
  kind: 'deployment credential(s)',
  context: credentialsContext,
  // One sealed value per key id with how many share it: an index-sized read however many rows there are.
  samples: (sql) => sql<SealedSample[]>`
    select d.id::text as id, d.credentials_key_id as "keyId", d.credentials_sealed as sealed, k.n as sharing
    from (select credentials_key_id, count(*)::int as n from deployments group by credentials_key_id) k
    join lateral (select id, credentials_key_id, credentials_sealed from deployments
                  where credentials_key_id = k.credentials_key_id limit 1) d on true
    order by d.credentials_key_id`,
};

const serviceSigningSecrets: SealedSecretSource = {
  kind: 'service signing secret(s)',
  context: signingSecretContext,
  // As above: one sample per key id.
  samples: (sql) => sql<SealedSample[]>`
    select s.id::text as id, s.signing_key_id as "keyId", s.signing_secret as sealed, k.n as sharing
    from (select signing_key_id, count(*)::int as n from services group by signing_key_id) k
    join lateral (select id, signing_key_id, signing_secret from services
                  where signing_key_id = k.signing_key_id limit 1) s on true
    order by s.signing_key_id`,
};

/**
 * 'ok' when the configured keys open the stored secrets (one sample per key id of
 * deployment credentials, service signing secrets, and whatever other `sources` the
 * daemon keeps: recipients' webhook secrets); otherwise why not, naming the key ids and
 * how many values each locks away. A rotation that dropped the old key too early shows
 * here instead of as runs or sends that cannot start.
 */
export async function checkSecretsReadable(sql: Sql, keyring: SecretKeyring, sources: SealedSecretSource[] = []): Promise<'ok' | string> {
  const missing = new Map<string, string[]>();
  const wrong = new Map<string, string[]>();
  for (const source of [deploymentCredentials, serviceSigningSecrets, ...sources]) {
    for (const sample of await source.samples(sql)) {
      try {
        openSecret(keyring, { keyId: sample.keyId, sealed: sample.sealed }, source.context(sample.id));
      } catch (error) {
        const into = error instanceof UnknownSecretKeyError ? missing : wrong;
        into.set(sample.keyId, [...(into.get(sample.keyId) ?? []), `${sample.sharing} ${source.kind}`]);
      }
    }
  }
  const problems = [
    ...[...missing].map(([keyId, counts]) => `key '${keyId}' is not configured (INTERFLOW_SECRET_KEY / INTERFLOW_SECRET_KEY_SECONDARY) but seals ${counts.join(' and ')}`),
    ...[...wrong].map(([keyId, counts]) => `the key configured as '${keyId}' does not open what was sealed under that id (${counts.join(' and ')})`),
  ];
  return problems.length === 0 ? 'ok' : `cannot open stored secrets: ${problems.join('; ')}`;
}
