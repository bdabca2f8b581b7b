import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSilentLogger, parseConfig } from '@interflow/core';
import { keyringFromConfig, secretKeyConfigShape } from '@interflow/registry';
import { z } from 'zod';
import { provideSecretKey } from '../src/secret-key-file';

describe('provideSecretKey', () => {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'interflow-key-')), 'data');
  afterAll(() => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true }));
  const logger = createSilentLogger();

  it('generates a valid key once, readable only by its owner, and returns the same key afterwards', () => {
    const first = provideSecretKey(undefined, dataDir, logger);
    const file = path.join(dataDir, 'secret-key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const config = parseConfig(z.object(secretKeyConfigShape), { INTERFLOW_SECRET_KEY: first });
    expect(keyringFromConfig(config).active.key).toHaveLength(32);
    expect(provideSecretKey(undefined, dataDir, logger)).toBe(first);
  });

  it('prefers a configured key and writes nothing for it', () => {
    const otherDir = path.join(path.dirname(dataDir), 'other');
    expect(provideSecretKey('ops:configured', otherDir, logger)).toBe('ops:configured');
    expect(fs.existsSync(otherDir)).toBe(false);
  });
});
