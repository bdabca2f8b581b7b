import crypto from 'node:crypto';
import { ConfigError, parseConfig } from '@interflow/core';
import { keyringFromConfig } from '@interflow/registry';
import { apiConfigSchema } from '../src/config';

const base = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/db' };

describe('api configuration of secret keys', () => {
  it('reads the active and secondary keys into one keyring', () => {
    const active = crypto.randomBytes(32).toString('base64');
    const secondary = crypto.randomBytes(32).toString('base64');
    const config = parseConfig(apiConfigSchema, { ...base, INTERFLOW_SECRET_KEY: `k2:${active}`, INTERFLOW_SECRET_KEY_SECONDARY: `k1:${secondary}` });
    const keyring = keyringFromConfig(config);
    expect(keyring.active.id).toBe('k2');
    expect([...keyring.byId.keys()].sort()).toEqual(['k1', 'k2']);
  });

  it('names a malformed key variable without echoing its value', () => {
    const value = `k1:${crypto.randomBytes(16).toString('base64')}`;
    let error: unknown;
    try {
      parseConfig(apiConfigSchema, { ...base, INTERFLOW_SECRET_KEY: value, INTERFLOW_ADMIN_TOKEN: 'short' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/INTERFLOW_SECRET_KEY: the key must be 32 bytes/);
    expect(problems).toMatch(/INTERFLOW_ADMIN_TOKEN: expected at least 32 characters/);
    expect(problems).not.toContain(value);
  });

  it('refuses to start without a key: there is no built-in one', () => {
    expect(() => parseConfig(apiConfigSchema, base)).toThrow(/INTERFLOW_SECRET_KEY: required.*\(unset\)/);
  });
});
