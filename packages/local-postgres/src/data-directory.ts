import fs from 'node:fs';
import path from 'node:path';

/** The data directory is held by a PostgreSQL server that did not stop within the wait. */
export class DataDirectoryInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    waitedMs: number,
  ) {
    super(
      `the PostgreSQL data directory ${dataDir} is still in use by PostgreSQL process ${pid} ` +
        `(named in ${path.join(dataDir, 'postmaster.pid')}) after waiting ${Math.round(waitedMs / 1000)} s: ` +
        'another `npm start` or `npm run migrate` is running on it or has not finished stopping; stop it, or wait and try again',
    );
    this.name = 'DataDirectoryInUseError';
  }
}

/**
 * The pid of a running PostgreSQL that holds `dataDir` (per its postmaster.pid), or null
 * when the directory is free. A pid file left by a server killed hard (no such process,
 * or on Linux a process that is not PostgreSQL: the pid was reused) is removed.
 */
export function dataDirectoryHolder(dataDir: string): number | null {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let text: string;
  try {
    text = fs.readFileSync(pidFile, 'utf8');
  } catch {
    return null;
  }
  const pid = Number(text.split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isPostgres(pid)) return pid;
  fs.rmSync(pidFile, { force: true });
  return null;
}

function isPostgres(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it runs, under another user (the server's own `postgres` user, as root does not apply)
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return isPostgresCommandLine(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true; // no /proc (not Linux): a live pid is taken at its word
  }
}

/**
 * Whether a process's command line (`/proc/<pid>/cmdline`: its arguments, each ended by a
 * NUL) is PostgreSQL's: its program is `postgres` (or the old name `postmaster`), or it
 * shows a PostgreSQL process title (`postgres: checkpointer`). Only the program counts: a
 * process that merely names PostgreSQL in its arguments (a client given a `postgres://`
 * URL, a test run filtered by a path) does not hold a data directory.
 */
export function isPostgresCommandLine(cmdline: string): boolean {
  const program = cmdline.split('\0')[0] ?? '';
  if (program.startsWith('postgres:')) return true;
  const name = path.basename(program);
  return name === 'postgres' || name === 'postmaster';
}

/**
 * Waits, up to `waitMs`, for a PostgreSQL still running on `dataDir` to stop (a previous
 * `npm start` shutting down), telling `onWaiting` once; then throws naming the process.
 */
export async function waitForFreeDataDirectory(dataDir: string, waitMs: number, onWaiting: (pid: number) => void): Promise<void> {
  const started = Date.now();
  let told = false;
  for (;;) {
    const pid = dataDirectoryHolder(dataDir);
    if (pid === null) return;
    if (Date.now() - started >= waitMs) throw new DataDirectoryInUseError(dataDir, pid, waitMs);
    if (!told) onWaiting(pid);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
