import crypto from 'node:crypto';
import { createKeyring, openSecret, parseKeySpec, sealSecret, UnknownSecretKeyError, type SecretKey } from '../src';

const key = (id: string): SecretKey => ({ id, key: crypto.randomBytes(32) });

describe('sealSecret / openSecret', () => {
  const keyring = createKeyring(key('k1'));

  it('round-trips a value under the active key and stores the key id beside it', () => {
    const sealed = sealSecret(keyring, { password: 'hunter2' }, 'deployment:1:credentials');
    expect(sealed.keyId).toBe('k1');
    expect(sealed.sealed.toString('utf8')).not.toContain('hunter2');
    expect(openSecret(keyring, sealed, 'deployment:1:credentials')).toEqual({ password: 'hunter2' });
  });

  it('refuses a ciphertext moved to another row or tampered with', () => {
    const sealed = sealSecret(keyring, 'secret', 'deployment:1:credentials');
    expect(() => openSecret(keyring, sealed, 'deployment:2:credentials')).toThrow();
    const tampered = Buffer.from(sealed.sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => openSecret(keyring, { keyId: 'k1', sealed: tampered }, 'deployment:1:credentials')).toThrow();
  });

  it('decrypts with a secondary key and names a missing one', () => {
    const old = createKeyring(key('old'));
    const sealed = sealSecret(old, 'v', 'c');
    const both = createKeyring(key('new'), [...old.byId.values()]);
    expect(openSecret(both, sealed, 'c')).toBe('v');
    expect(() => openSecret(keyring, sealed, 'c')).toThrow(UnknownSecretKeyError);
  });
});

describe('parseKeySpec', () => {
  it('reads <id>:<base64 of 32 bytes>', () => {
    const bytes = crypto.randomBytes(32);
    const parsed = parseKeySpec(`k2026:${bytes.toString('base64')}`);
    expect(typeof parsed).toBe('object');
    expect(parsed).toMatchObject({ id: 'k2026' });
    expect(typeof parsed === 'object' && parsed.key.equals(bytes)).toBe(true);
  });

  it('explains a malformed or short key', () => {
    expect(parseKeySpec('no-colon')).toMatch(/expected <key id>:/);
    expect(parseKeySpec(`k:${crypto.randomBytes(16).toString('base64')}`)).toMatch(/32 bytes/);
  });
});
