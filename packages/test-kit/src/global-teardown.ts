import type { EmbeddedServer } from '@interflow/local-postgres';

/** Jest global teardown: stop the embedded server if setup started one. */
export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __interflowEmbedded?: EmbeddedServer }).__interflowEmbedded;
  if (embedded) await embedded.stop();
}
