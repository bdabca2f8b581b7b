import os from 'node:os';
import path from 'node:path';
import { LOCAL_SERVER_URL, ensureDatabase, freePort, serverAnswers, startEmbeddedServer, type EmbeddedServer } from '@interflow/local-postgres';

export { freePort };

/** The variable global setup leaves for the test workers: a URL to the test database. */
export const TEST_DATABASE_URL_VARIABLE = 'INTERFLOW_TEST_DATABASE_URL';
export const TEST_DATABASE_NAME = 'interflow_test';

/**
 * Chooses the server the suite runs against: `DATABASE_URL` when set (used as is),
 * else the local server on 127.0.0.1:5432 when it answers (database `interflow_test`,
 * created when missing), else an embedded server started for this run.
 */
export async function provideTestServer(env: NodeJS.ProcessEnv): Promise<{ url: string; embedded?: EmbeddedServer }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  if (await serverAnswers(LOCAL_SERVER_URL)) return { url: await ensureDatabase(LOCAL_SERVER_URL, TEST_DATABASE_NAME) };
  const port = await freePort();
  const embedded = await startEmbeddedServer({
    dataDir: path.join(os.tmpdir(), `interflow-test-pg-${process.pid}`),
    port,
    persistent: false,
  });
  return { url: await ensureDatabase(embedded.url, TEST_DATABASE_NAME), embedded };
}
