import crypto from 'node:crypto';
import { z } from 'zod';
import { createKeyring, parseKeySpec, type SecretKey, type SecretKeyring } from './secret-keyring';

const keySpec = z
  .string({ message: 'required: <key id>:<32 random bytes in base64> (npm start generates one under DATA_DIR)' })
  .transform((spec, ctx) => {
    const parsed = parseKeySpec(spec);
    if (typeof parsed === 'string') {
      ctx.addIssue({ code: 'custom', message: parsed });
      return z.NEVER;
    }
    return parsed;
  });

/**
 * The key variables the api and the runner share (spread into their config schemas).
 * - INTERFLOW_SECRET_KEY: `<id>:<base64 of 32 random bytes>`; encrypts and decrypts.
 *   Required: there is no built-in fallback key, since a key anyone can read protects
 *   nothing. `npm start` generates one and keeps it in DATA_DIR.
 * - INTERFLOW_SECRET_KEY_SECONDARY: optional, same form; only decrypts. During a rotation
 *   it holds the key being replaced (or, one step earlier, the key about to become active).
 */
export const secretKeyConfigShape = {
  INTERFLOW_SECRET_KEY: keySpec,
  INTERFLOW_SECRET_KEY_SECONDARY: keySpec.optional(),
};

export interface SecretKeyConfig {
  INTERFLOW_SECRET_KEY: SecretKey;
  INTERFLOW_SECRET_KEY_SECONDARY?: SecretKey | undefined;
}

/** The keyring of a parsed config: the active key encrypts, both decrypt. */
export function keyringFromConfig(config: SecretKeyConfig): SecretKeyring {
  const others = config.INTERFLOW_SECRET_KEY_SECONDARY ? [config.INTERFLOW_SECRET_KEY_SECONDARY] : [];
  return createKeyring(config.INTERFLOW_SECRET_KEY, others);
}

/** A new key in the variable's form, `<id>:<base64 of 32 random bytes>`. */
export function generateSecretKeySpec(id: string): string {
  return `${id}:${crypto.randomBytes(32).toString('base64')}`;
}
