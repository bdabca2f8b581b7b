import { checkSecretsReadable, createKeyring, generateSecretKeySpec, parseKeySpec, type SecretKeyring } from '@interflow/registry';
import { createTestDatabase, type TestDatabase } from '@interflow/test-kit';
import { createRecipient, recipientWebhookSecrets, rotateWebhookSecret } from '../src';

/** The readiness check that the configured keys open stored secrets covers recipients' webhook secrets. */
function keyring(...specs: string[]): SecretKeyring {
  const [active, ...others] = specs.map((spec) => {
    const key = parseKeySpec(spec);
    if (typeof key === 'string') throw new Error(key);
    return key;
  });
  if (!active) throw new Error('no key');
  return createKeyring(active, others);
}

let db: TestDatabase;
const oldSpec = generateSecretKeySpec('old-key');
const newSpec = generateSecretKeySpec('new-key');

beforeAll(async () => {
  db = await createTestDatabase();
  const old = keyring(oldSpec);
  for (const name of ['ann', 'bea']) await createRecipient(db.sql, old, { name, webhookUrl: `https://hooks.example.com/${name}` });
  // Without a webhook nothing is sealed: nothing to open.
  await createRecipient(db.sql, old, { name: 'cy', email: 'cy@example.com' });
});

afterAll(() => db.drop());

describe('checkSecretsReadable with recipients’ webhook secrets', () => {
  it('is ok when the configured keys open every key id the webhook secrets use', async () => {
    expect(await checkSecretsReadable(db.sql, keyring(oldSpec), [recipientWebhookSecrets])).toBe('ok');
    expect(await checkSecretsReadable(db.sql, keyring(newSpec, oldSpec), [recipientWebhookSecrets])).toBe('ok');
  });

  it('names a missing key and how many webhook secrets it locks away', async () => {
    expect(await checkSecretsReadable(db.sql, keyring(newSpec), [recipientWebhookSecrets])).toBe(
      "cannot open stored secrets: key 'old-key' is not configured (INTERFLOW_SECRET_KEY / INTERFLOW_SECRET_KEY_SECONDARY) but seals 2 recipient webhook secret(s)",
    );
  });

  it('says so when a different key is configured under the same id', async () => {
    expect(await checkSecretsReadable(db.sql, keyring(generateSecretKeySpec('old-key')), [recipientWebhookSecrets])).toBe(
      "cannot open stored secrets: the key configured as 'old-key' does not open what was sealed under that id (2 recipient webhook secret(s))",
    );
  });

  it('counts each key id apart while a rotation is half-way', async () => {
    const both = keyring(newSpec, oldSpec);
    const [ann] = await db.sql<{ id: string }[]>`select id from recipients where name = 'ann'`;
    await rotateWebhookSecret(db.sql, both, ann!.id);
    expect(await checkSecretsReadable(db.sql, both, [recipientWebhookSecrets])).toBe('ok');
    expect(await checkSecretsReadable(db.sql, keyring(newSpec), [recipientWebhookSecrets])).toMatch(/key 'old-key' .* but seals 1 recipient webhook secret\(s\)$/);
    expect(await checkSecretsReadable(db.sql, keyring(oldSpec), [recipientWebhookSecrets])).toMatch(/key 'new-key' .* but seals 1 recipient webhook secret\(s\)$/);
  });
});
