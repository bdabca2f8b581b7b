import type { Logger } from '../logger/create-logger';
import { describeError } from '../logger/describe-error';

const RETRY_MS = 2000;

/**
 * Runs a daemon's start-up step (a bootstrap token, a queue declaration, the first read
 * of subscriptions), retrying every two seconds until it succeeds or the daemon stops.
 * A daemon may start before `npm run migrate` has finished, or meet a database outage
 * half-way through starting: it stays up and unready meanwhile instead of exiting.
 * A step must be safe to run again after it failed part-way.
 */
export async function runStartStep(name: string, step: () => Promise<void>, options: { logger: Logger; stopped(): boolean }): Promise<void> {
  for (;;) {
    try {
      await step();
      return;
    } catch (error) {
      if (options.stopped()) return;
      options.logger.warn(`${name} not possible yet; retrying`, { error: describeError(error), retryMs: RETRY_MS });
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS).unref());
      if (options.stopped()) return;
    }
  }
}
