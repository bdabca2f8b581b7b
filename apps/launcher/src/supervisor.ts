import { spawn, type ChildProcess } from 'node:child_process';
import { daemonHeapNodeArgs, type Logger } from '@interflow/core';
import type { DaemonSpec } from './daemons';

export interface Supervisor {
  /** Resolves when any child exits on its own (the launcher then stops the rest). */
  firstExit: Promise<{ name: string; code: number | null }>;
  /**
   * SIGTERM to every child, then waits for all of them (SIGKILL after `killAfterMs`).
   * Resolves with the daemons that did not exit 0 (overran their grace, were killed, failed).
   */
  stopAll(killAfterMs: number): Promise<{ name: string; code: number | null }[]>;
}

/**
 * Runs each daemon as a child process sharing the launcher's stdout/stderr, so their
 * JSON log lines appear in one stream.
 */
export function superviseDaemons(specs: DaemonSpec[], logger: Logger): Supervisor {
  const children = new Map<string, ChildProcess>();
  const exits: Promise<{ name: string; code: number | null; whileStopping: boolean }>[] = [];
  let stopping = false;
  for (const spec of specs) {
    // Own process group: a terminal's Ctrl-C reaches only the launcher, which then stops
    // each child once with SIGTERM (a second signal would make a daemon skip its drain).
    const child = spawn(process.execPath, [...daemonHeapNodeArgs(spec.heapLimitMb, process.env.NODE_OPTIONS), spec.script], {
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    });
    children.set(spec.name, child);
    exits.push(
      new Promise((resolve) =>
        child.once('exit', (code) => {
          children.delete(spec.name);
          if (!stopping) logger.error('daemon exited', { daemon: spec.name, code });
          resolve({ name: spec.name, code, whileStopping: stopping });
        }),
      ),
    );
  }
  return {
    firstExit: Promise.race(exits),
    async stopAll(killAfterMs) {
      stopping = true;
      const running = [...children.entries()];
      for (const [, child] of running) child.kill('SIGTERM');
      const killer = setTimeout(() => {
        for (const [name, child] of children) {
          logger.warn('daemon did not stop in time; killing it', { daemon: name });
          child.kill('SIGKILL');
        }
      }, killAfterMs);
      const results = await Promise.all(exits);
      clearTimeout(killer);
      const unclean = results.filter((result) => result.whileStopping && result.code !== 0).map(({ name, code }) => ({ name, code }));
      for (const { name, code } of unclean) logger.error('daemon did not stop cleanly', { daemon: name, code });
      return unclean;
    },
  };
}
