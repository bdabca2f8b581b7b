import { ConfigError } from '@interflow/core';

/** One AES-256 key and the id stored beside everything it encrypted. */
export interface SecretKey {
  id: string;
  key: Buffer;
}

/**
 * The keys a daemon holds: the active one encrypts, every one decrypts (so rows written
 * under the previous key stay readable until `rotate-keys` has re-encrypted them).
 */
export interface SecretKeyring {
  active: SecretKey;
  byId: ReadonlyMap<string, SecretKey>;
}

const KEY_SPEC = /^([A-Za-z0-9_.-]{1,64}):([A-Za-z0-9+/=_-]+)$/;

/** `<id>:<32 bytes in base64>` → a key; null (with the reason) when malformed. */
export function parseKeySpec(spec: string): SecretKey | string {
  const match = KEY_SPEC.exec(spec.trim());
  if (!match?.[1] || !match[2]) return 'expected <key id>:<32 bytes in base64>, e.g. k2026:' + 'A'.repeat(43) + '=';
  const key = Buffer.from(match[2], match[2].includes('-') || match[2].includes('_') ? 'base64url' : 'base64');
  if (key.length !== 32) return `the key must be 32 bytes (AES-256); got ${key.length}`;
  return { id: match[1], key };
}

export function createKeyring(active: SecretKey, others: SecretKey[] = []): SecretKeyring {
  const byId = new Map<string, SecretKey>([[active.id, active]]);
  for (const key of others) {
    const known = byId.get(key.id);
    if (known && !known.key.equals(key.key)) {
      throw new ConfigError([`secret key id '${key.id}' is configured twice with different keys`]);
    }
    byId.set(key.id, key);
  }
  return { active, byId };
}
