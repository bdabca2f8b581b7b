import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, freePort, startDaemon, type DaemonProcess, type TestDatabase } from '@interflow/test-kit';
import { runCli } from '../../src/cli';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A real api daemon (built dist) on a fresh schema, and the CLI's main function run against it. */
export interface CliHarness {
  url: string;
  token: string;
  db: TestDatabase;
  /** The daemons' INTERFLOW_SECRET_KEY (`<id>:<base64>`), to open what they sealed. */
  secretKey: string;
  /** A scratch directory (config file, copied manifests), removed at close. */
  dir: string;
  run(args: string[], options?: { env?: Record<string, string>; stdin?: string; cwd?: string; signal?: AbortSignal; onOutput?: (result: CliResult) => void }): Promise<CliResult>;
  /** Starts a producer (schedules fire) on the same database; stopped at close. */
  startProducer(): Promise<void>;
  /** Starts a runner (notifications fan out into deliveries) on the same database; stopped at close. */
  startRunner(): Promise<void>;
  close(): Promise<void>;
}

export async function startCliHarness(): Promise<CliHarness> {
  const db = await createTestDatabase({ poolSize: 4 });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // the api registers this as its bootstrap admin (INTERFLOW_ADMIN_TOKEN): only the api touches api_tokens
  const token = `ifw_${crypto.randomBytes(32).toString('base64url')}`;
  let api: DaemonProcess | undefined;
  const secretKey = `cli-test:${crypto.randomBytes(32).toString('base64')}`;
  const daemonEnv = { DATABASE_URL: db.url, DATABASE_SCHEMA: db.schema, DATABASE_POOL_SIZE: '4', LOG_LEVEL: 'warn', INTERFLOW_SECRET_KEY: secretKey };
  let producer: DaemonProcess | undefined;
  let runner: DaemonProcess | undefined;
  try {
    api = await startDaemon({
      script: path.resolve(__dirname, '../../../api/dist/main.js'),
      env: { ...daemonEnv, PORT: String(port), HOST: '127.0.0.1', INTERFLOW_ADMIN_TOKEN: token },
      readyUrl: `${url}/readyz`,
      timeoutMs: 120_000,
    });
  } catch (error) {
    await db.drop();
    throw error;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interflow-cli-'));
  const daemon = api;
  return {
    url,
    token,
    db,
    secretKey,
    dir,
    async run(args, options = {}) {
      const output = { code: -1, stdout: '', stderr: '' };
      const code = await runCli(args, {
        stdout: (text) => {
          output.stdout += text;
          options.onOutput?.(output);
        },
        stderr: (text) => {
          output.stderr += text;
          options.onOutput?.(output);
        },
        env: { INTERFLOW_CONFIG: path.join(dir, 'config.yaml'), INTERFLOW_URL: url, INTERFLOW_TOKEN: token, ...options.env },
        cwd: options.cwd ?? path.resolve(__dirname, '../../../..'),
        readStdin: async () => options.stdin ?? '',
        ...(options.signal ? { signal: options.signal } : {}),
      });
      return { ...output, code };
    },
    async startProducer() {
      const healthPort = await freePort();
      producer = await startDaemon({
        script: path.resolve(__dirname, '../../../producer/dist/main.js'),
        env: { ...daemonEnv, HEALTH_PORT: String(healthPort), SCHEDULER_IDLE_WAKE_MS: '200' },
        readyUrl: `http://127.0.0.1:${healthPort}/readyz`,
        timeoutMs: 120_000,
      });
    },
    async startRunner() {
      const healthPort = await freePort();
      runner = await startDaemon({
        script: path.resolve(__dirname, '../../../runner/dist/main.js'),
        env: { ...daemonEnv, HEALTH_PORT: String(healthPort) },
        readyUrl: `http://127.0.0.1:${healthPort}/readyz`,
        timeoutMs: 120_000,
      });
    },
    async close() {
      await runner?.stop();
      await producer?.stop();
      await daemon.stop();
      await db.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fails with the command's output when it did not exit with `code`, so a failure says why. */
export function expectExit(result: CliResult, code: number): void {
  if (result.code === code) return;
  throw new Error(`expected exit code ${code}, got ${result.code}\n--- stderr:\n${result.stderr}\n--- stdout:\n${result.stdout.slice(0, 4000)}`);
}
