import { describeError, type Logger } from '@interflow/core';

const RETRY_MS = 2000;

/**
 * Runs a start-up task that needs the schema (the bootstrap token, the reply queue),
 * retrying until it succeeds: an api may start before `npm run migrate` has finished,
 * and stays unready (readiness checks migrations) rather than crashing meanwhile.
 */
export async function whenMigrated(name: string, task: () => Promise<void>, options: { logger: Logger; stopped(): boolean }): Promise<void> {
  for (;;) {
    try {
      await task();
      return;
    } catch (error) {
      if (options.stopped()) return;
      options.logger.warn(`${name} not possible yet; retrying`, { error: describeError(error), retryMs: RETRY_MS });
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS).unref());
    }
  }
}
