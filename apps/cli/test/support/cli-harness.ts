import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApiToken } from '@interflow/core';
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
  /** A scratch directory (config file, copied manifests), removed at close. */
  dir: string;
  run(args: string[], options?: { env?: Record<string, string>; stdin?: string; cwd?: string }): Promise<CliResult>;
  close(): Promise<void>;
}

export async function startCliHarness(): Promise<CliHarness> {
  const db = await createTestDatabase({ poolSize: 4 });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let api: DaemonProcess | undefined;
  try {
    api = await startDaemon({
      script: path.resolve(__dirname, '../../../api/dist/main.js'),
      env: {
        DATABASE_URL: db.url,
        DATABASE_SCHEMA: db.schema,
        DATABASE_POOL_SIZE: '4',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        INTERFLOW_SECRET_KEY: `cli-test:${crypto.randomBytes(32).toString('base64')}`,
      },
      readyUrl: `${url}/readyz`,
      timeoutMs: 120_000,
    });
  } catch (error) {
    await db.drop();
    throw error;
  }
  const { secret: token } = await createApiToken(db.sql, { name: 'cli test admin', role: 'admin', deploymentScopes: null });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interflow-cli-'));
  const daemon = api;
  return {
    url,
    token,
    db,
    dir,
    async run(args, options = {}) {
      let stdout = '';
      let stderr = '';
      const code = await runCli(args, {
        stdout: (text) => void (stdout += text),
        stderr: (text) => void (stderr += text),
        env: { INTERFLOW_CONFIG: path.join(dir, 'config.yaml'), INTERFLOW_URL: url, INTERFLOW_TOKEN: token, ...options.env },
        cwd: options.cwd ?? path.resolve(__dirname, '../../../..'),
        readStdin: async () => options.stdin ?? '',
      });
      return { code, stdout, stderr };
    },
    async close() {
      await daemon.stop();
      await db.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
