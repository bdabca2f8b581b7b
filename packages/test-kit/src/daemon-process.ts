import { spawn, type ChildProcess } from 'node:child_process';
import { waitFor } from './wait-for';

export interface DaemonProcess {
  child: ChildProcess;
  /** Every stdout line so far (JSON log lines parsed, others as `{ raw }`). */
  logs: Record<string, unknown>[];
  stderr: string[];
  /** Sends a signal and resolves with the exit code (null when killed by a signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** The exit code, once the process exited and everything it wrote has been read. */
  exited: Promise<number | null>;
  /** For a failing test: whether it still runs (else how it ended), what it wrote to stderr, its warnings and errors, its last log lines. */
  diagnosis(): string;
}

export interface StartDaemonOptions {
  /** Absolute path of the built entry point (e.g. apps/api/dist/main.js). */
  script: string;
  /** Command-line arguments after the script. */
  args?: string[];
  env: Record<string, string>;
  /** Waits until this URL answers 200 before resolving. */
  readyUrl?: string;
  timeoutMs?: number;
}

/**
 * Runs a daemon as a real child process, the way containers run it, with only the
 * environment given (plus PATH). End-to-end tests use it to kill, restart and signal.
 */
export async function startDaemon(options: StartDaemonOptions): Promise<DaemonProcess> {
  const child = spawn(process.execPath, [options.script, ...(options.args ?? [])], {
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ raw: line });
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const daemon: DaemonProcess = {
    child,
    logs,
    stderr,
    exited,
    diagnosis() {
      const state = child.exitCode !== null || child.signalCode !== null ? `exited (code ${child.exitCode}, signal ${child.signalCode})` : 'still running';
      return `${state}; stderr: ${stderr.join('').slice(-2000)} warnings and errors: ${JSON.stringify(warningsOf(logs))} last lines: ${JSON.stringify(logs.slice(-5))}`;
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
  if (options.readyUrl) {
    const readyUrl = options.readyUrl;
    const ready = waitFor(async () => (await fetch(readyUrl).catch(() => undefined))?.status === 200, {
      timeoutMs: options.timeoutMs ?? 60_000,
      intervalMs: 100,
      description: `${readyUrl} to answer 200`,
    });
    const exitedFirst = exited.then((code) => {
      // The warnings and errors say why (a daemon of the launcher that died first), the last lines how it ended.
      throw new Error(`daemon exited with ${code} before it was ready: ${stderr.join('')} ${JSON.stringify(warningsOf(logs))} ... ${JSON.stringify(logs.slice(-5))}`);
    });
    try {
      await Promise.race([ready, exitedFirst]);
    } catch (error) {
      await daemon.stop('SIGKILL');
      throw error;
    } finally {
      exitedFirst.catch(() => undefined);
      ready.catch(() => undefined);
    }
  }
  return daemon;
}

/** The first ten warnings and errors among a daemon's log lines. */
function warningsOf(logs: Record<string, unknown>[]): Record<string, unknown>[] {
  return logs.filter((line) => line.level === 'error' || line.level === 'warn').slice(0, 10);
}
