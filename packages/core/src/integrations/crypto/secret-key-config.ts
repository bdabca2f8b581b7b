import { z } from 'zod';
import { createKeyring, parseKeySpec, type SecretKey, type SecretKeyring } from './secret-keyring';

/**
 * Key id of the development key used when INTERFLOW_SECRET_KEY is unset. Its bytes are
 * public (derived from this string), so secrets under it are not protected: daemons
 * warn at start, and `rotate-keys` moves rows off it once a real key is configured.
 */
export const INSECURE_DEV_KEY_ID = 'insecure-dev';

const keySpec = z.string().transform((spec, ctx) => {
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
 * - INTERFLOW_SECRET_KEY_SECONDARY: optional, same form; only decrypts. During a rotation
 *   it holds the key being replaced (or, one step earlier, the key about to become active).
 */
export const secretKeyConfigShape = {
  INTERFLOW_SECRET_KEY: keySpec.optional(),
  INTERFLOW_SECRET_KEY_SECONDARY: keySpec.optional(),
};

export interface SecretKeyConfig {
  INTERFLOW_SECRET_KEY?: SecretKey | undefined;
  INTERFLOW_SECRET_KEY_SECONDARY?: SecretKey | undefined;
}

export function insecureDevKey(): SecretKey {
  return { id: INSECURE_DEV_KEY_ID, key: Buffer.alloc(32, 'interflow-insecure-development-key') };
}

/**
 * The keyring of a parsed config. Without INTERFLOW_SECRET_KEY the development key is
 * active (callers warn); it also stays readable afterwards so a first real key can be
 * rotated in.
 */
export function keyringFromConfig(config: SecretKeyConfig): { keyring: SecretKeyring; insecure: boolean } {
  const active = config.INTERFLOW_SECRET_KEY ?? insecureDevKey();
  const others = [config.INTERFLOW_SECRET_KEY_SECONDARY, insecureDevKey()].filter((k): k is SecretKey => k !== undefined);
  return { keyring: createKeyring(active, others), insecure: config.INTERFLOW_SECRET_KEY === undefined };
}
