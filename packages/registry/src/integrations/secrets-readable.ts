import { type Sql } from '@interflow/core';
import { openSecret, UnknownSecretKeyError } from './crypto/secret-box';
import type { SecretKeyring } from './crypto/secret-keyring';
import { credentialsContext } from './deployments';
import { signingSecretContext } from './services';

interface SealedSample {
  kind: 'deployment' | 'service';
  id: string;
  key_id: string;
  sealed: Buffer;
  n: number;
}

/**
 * One sealed value per (kind, key id), with how many values share that key: reads an
 * index-sized sample however many rows there are, so a readiness probe can afford it.
 */
async function sealedSamples(sql: Sql): Promise<SealedSample[]> {
  return sql<SealedSample[]>`
    select 'deployment' as kind, d.id::text as id, d.credentials_key_id as key_id, d.credentials_sealed as sealed, k.n
    from (select credentials_key_id, count(*)::int as n from deployments group by credentials_key_id) k
    join lateral (select id, credentials_key_id, credentials_sealed from deployments
                  where credentials_key_id = k.credentials_key_id limit 1) d on true
    union all
    select 'service', s.id::text, s.signing_key_id, s.signing_secret, k.n
    from (select signing_key_id, count(*)::int as n from services group by signing_key_id) k
    join lateral (select id, signing_key_id, signing_secret from services
                  where signing_key_id = k.signing_key_id limit 1) s on true
    order by kind, key_id`;
}

/**
 * 'ok' when the configured keys open the stored secrets (one sample per key id of
 * deployment credentials and of service signing secrets); otherwise why not, naming the
 * key ids and how many values each locks away. A rotation that dropped the old key too
 * early shows here instead of as runs that cannot start.
 */
export async function checkSecretsReadable(sql: Sql, keyring: SecretKeyring): Promise<'ok' | string> {
  const missing = new Map<string, SealedSample[]>();
  const wrong = new Map<string, SealedSample[]>();
  for (const sample of await sealedSamples(sql)) {
    const context = sample.kind === 'deployment' ? credentialsContext(sample.id) : signingSecretContext(sample.id);
    try {
      openSecret(keyring, { keyId: sample.key_id, sealed: sample.sealed }, context);
    } catch (error) {
      const into = error instanceof UnknownSecretKeyError ? missing : wrong;
      into.set(sample.key_id, [...(into.get(sample.key_id) ?? []), sample]);
    }
  }
  const problems = [
    ...[...missing].map(([keyId, samples]) => `key '${keyId}' is not configured (INTERFLOW_SECRET_KEY / INTERFLOW_SECRET_KEY_SECONDARY) but seals ${count(samples)}`),
    ...[...wrong].map(([keyId, samples]) => `the key configured as '${keyId}' does not open what was sealed under that id (${count(samples)})`),
  ];
  return problems.length === 0 ? 'ok' : `cannot open stored secrets: ${problems.join('; ')}`;
}

function count(samples: SealedSample[]): string {
  return samples
    .map((s) => (s.kind === 'deployment' ? `${s.n} deployment credential(s)` : `${s.n} service signing secret(s)`))
    .join(' and ');
}
