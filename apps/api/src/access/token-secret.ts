import crypto from 'node:crypto';

/**
 * The secret part of an API token. Tokens are 32 random bytes (base64url) behind a
 * recognisable `ifw_` prefix; only their SHA-256 is stored. A plain hash (no salt, no
 * slow KDF) is enough because the input has 256 bits of entropy: nothing to brute-force.
 */
export const TOKEN_PREFIX = 'ifw_';

/** Characters of the token kept in clear to find its row and to show which token it is. */
export const LOOKUP_PREFIX_LENGTH = 12;

export function generateTokenSecret(): string {
  return `${TOKEN_PREFIX}${crypto.randomBytes(32).toString('base64url')}`;
}

export function hashTokenSecret(token: string): Buffer {
  return crypto.createHash('sha256').update(token, 'utf8').digest();
}

export function lookupPrefixOf(token: string): string {
  return token.slice(0, LOOKUP_PREFIX_LENGTH);
}

/** Constant-time comparison of a presented token with a stored hash. */
export function tokenMatchesHash(token: string, storedHash: Uint8Array): boolean {
  const presented = hashTokenSecret(token);
  return presented.length === storedHash.length && crypto.timingSafeEqual(presented, storedHash);
}
