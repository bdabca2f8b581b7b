import crypto from 'node:crypto';
import type { SecretKeyring } from './secret-keyring';

/** What is stored for an encrypted value: the key id beside iv ‖ auth tag ‖ ciphertext. */
export interface SealedSecret {
  keyId: string;
  sealed: Buffer;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A key id that is not in the keyring: the row was written under a key this daemon lacks. */
export class UnknownSecretKeyError extends Error {
  constructor(readonly keyId: string) {
    super(`no secret key with id '${keyId}' is configured (INTERFLOW_SECRET_KEY / INTERFLOW_SECRET_KEY_SECONDARY)`);
    this.name = 'UnknownSecretKeyError';
  }
}

/**
 * AES-256-GCM under the keyring's active key. `context` is bound as additional
 * authenticated data (e.g. `deployment:<id>:credentials`), so a ciphertext copied into
 * another row or field fails to decrypt instead of leaking there.
 */
export function sealSecret(keyring: SecretKeyring, plaintext: unknown, context: string): SealedSecret {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', keyring.active.key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(plaintext), 'utf8'), cipher.final()]);
  return { keyId: keyring.active.id, sealed: Buffer.concat([iv, cipher.getAuthTag(), body]) };
}

/** The value sealed by `sealSecret` under any key of the keyring; throws if tampered with. */
export function openSecret<T = unknown>(keyring: SecretKeyring, secret: SealedSecret, context: string): T {
  const key = keyring.byId.get(secret.keyId);
  if (!key) throw new UnknownSecretKeyError(secret.keyId);
  const iv = secret.sealed.subarray(0, IV_BYTES);
  const tag = secret.sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key.key, iv);
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  const plain = Buffer.concat([decipher.update(secret.sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as T;
}
