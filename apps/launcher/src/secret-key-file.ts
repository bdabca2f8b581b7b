import fs from 'node:fs';
import path from 'node:path';
import { type Logger } from '@interflow/core';
import { generateSecretKeySpec } from '@interflow/registry';

const KEY_FILE = 'secret-key';

/**
 * The key that encrypts credentials at rest. INTERFLOW_SECRET_KEY when set; otherwise a
 * key generated on the first start and kept in DATA_DIR/secret-key (mode 0600), so the
 * same key decrypts after every restart. Losing that file loses the credentials, which
 * is why the launcher says where it is.
 */
export function provideSecretKey(configured: string | undefined, dataDir: string, logger: Logger): string {
  if (configured) return configured;
  const file = path.join(dataDir, KEY_FILE);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const stamp = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  const spec = generateSecretKeySpec(`local-${stamp}`);
  fs.writeFileSync(file, `${spec}\n`, { mode: 0o600, flag: 'wx' });
  logger.info('INTERFLOW_SECRET_KEY is unset: generated a key for credentials at rest; back it up', { file });
  return spec;
}
