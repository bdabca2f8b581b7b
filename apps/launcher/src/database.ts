import path from 'node:path';
import { ensureDatabase, startEmbeddedServer } from '@interflow/local-postgres';
import { type Logger } from '@interflow/core';
import type { LauncherConfig } from './config';

export interface ProvidedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

const EMBEDDED_DATABASE_NAME = 'interflow';

/**
 * DATABASE_URL when set; otherwise an embedded PostgreSQL whose data survives restarts
 * under DATA_DIR/postgres, with a database named `interflow`.
 */
export async function provideDatabase(config: LauncherConfig, logger: Logger): Promise<ProvidedDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: false, stop: async () => undefined };
  const dataDir = path.join(config.DATA_DIR, 'postgres');
  logger.info('DATABASE_URL is unset: starting embedded PostgreSQL', { dataDir, port: config.EMBEDDED_POSTGRES_PORT });
  const server = await startEmbeddedServer({
    dataDir,
    port: config.EMBEDDED_POSTGRES_PORT,
    persistent: true,
    waitForDataDirMs: config.EMBEDDED_POSTGRES_WAIT_MS,
    onWaiting: (pid) =>
      logger.warn('the data directory is still in use by PostgreSQL; waiting for it to stop', {
        dataDir,
        pid,
        waitMs: config.EMBEDDED_POSTGRES_WAIT_MS,
      }),
    onLog: (line) => logger.debug('postgres', { line: line.trim() }),
  });
  const url = await ensureDatabase(server.url, EMBEDDED_DATABASE_NAME);
  return { url, embedded: true, stop: () => server.stop() };
}
