import type { Logger } from '../logger/create-logger';

export type ShutdownStep = { name: string; run: () => Promise<void> };

export interface Shutdown {
  /** Registers a step; steps run in reverse order of registration (last started, first stopped). */
  add(name: string, run: () => Promise<void>): void;
  /** True once a signal arrived: readiness answers 503 and loops stop taking work. */
  readonly draining: boolean;
  /** Runs every step once; later calls return the same promise. */
  run(reason: string): Promise<void>;
}

export interface ShutdownOptions {
  logger: Logger;
  /** The whole shutdown must finish within this; after it the process exits 1. */
  graceMs: number;
  /** Defaults to process.exit; tests pass their own. */
  exit?: (code: number) => void;
}

/**
 * Graceful shutdown for a daemon: on SIGTERM or SIGINT stop taking work, let in-flight
 * work finish (each step decides how), close servers and pools, exit 0. A second signal
 * or an overrun of the grace period exits 1 at once.
 */
export function installShutdown(options: ShutdownOptions): Shutdown {
  const steps: ShutdownStep[] = [];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let running: Promise<void> | undefined;

  const shutdown: Shutdown = {
    add(name, run) {
      steps.push({ name, run });
    },
    get draining() {
      return running !== undefined;
    },
    run(reason) {
      if (running) return running;
      options.logger.info('shutting down', { reason, graceMs: options.graceMs });
      const timer = setTimeout(() => {
        options.logger.error('shutdown exceeded its grace period; exiting', { graceMs: options.graceMs });
        exit(1);
      }, options.graceMs + 1000);
      timer.unref();
      running = (async () => {
        for (const step of [...steps].reverse()) {
          try {
            await step.run();
          } catch (error) {
            options.logger.error('shutdown step failed', { step: step.name, error });
          }
        }
        clearTimeout(timer);
        options.logger.info('stopped');
      })();
      return running;
    },
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (running) {
      options.logger.warn('second signal: exiting now', { signal });
      exit(1);
      return;
    }
    void shutdown.run(signal).then(() => exit(0));
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return shutdown;
}
