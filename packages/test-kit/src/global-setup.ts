import { provideTestServer, TEST_DATABASE_URL_VARIABLE } from './test-server';
import { dropStaleTestSchemas } from './test-database';

/** Jest global setup: find or start the server, tell the workers where it is. */
export default async function globalSetup(): Promise<void> {
  const { url, embedded } = await provideTestServer(process.env);
  process.env[TEST_DATABASE_URL_VARIABLE] = url;
  (globalThis as { __interflowEmbedded?: unknown }).__interflowEmbedded = embedded;
  await dropStaleTestSchemas(url);
}
