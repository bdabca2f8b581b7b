import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { daemonHeapNodeArgs } from '@interflow/core';

const CLOCK_TICKS_PER_SECOND = 100;
const PAGE_BYTES = 4096;

/** Every daemon started and not yet exited: an interrupted run must not leave them behind. */
const running = new Set<ChildProcess>();

/** Kills every daemon still running (the harness calls it when interrupted). */
export function killDaemons(): void {
  for (const child of running) child.kill('SIGKILL');
}

export interface DaemonStartOptions {
  /** What the daemon is called in errors. */
  name: string;
  script: string;
  env: Record<string, string>;
  /** The V8 old space it gets, in MB, as `npm start` and its container give it (`DAEMON_HEAP_LIMIT_MB`). */
  heapLimitMb: number;
  /** Polled until it answers 200. */
  readyUrl: string;
  readyTimeoutMs?: number;
}

/**
 * Starts a built daemon (`node <script>`) with only the given environment (and PATH),
 * its stderr passed through, and resolves once `readyUrl` answers 200. Node options in
 * BENCH_DAEMON_NODE_ARGS go to every daemon (heap sizes there replace the defaults).
 */
export async function startDaemon(options: DaemonStartOptions): Promise<ChildProcess> {
  const nodeArgs = process.env.BENCH_DAEMON_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, ...daemonHeapNodeArgs(options.heapLimitMb, nodeArgs.join(' ')), options.script], {
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.name} exited with ${child.exitCode} before it was ready`);
    const ready = await fetch(options.readyUrl).then((response) => response.status === 200, () => false);
    if (ready) return child;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} did not become ready within ${(options.readyTimeoutMs ?? 60_000) / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** SIGTERM, and SIGKILL if it has not exited 30 s later. */
export async function stopDaemon(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

/** User + system CPU seconds of a process so far (Linux /proc); 0 once it is gone. */
export function cpuSecondsOfPid(pid: number): number {
  const fields = procStatFields(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND : 0;
}

export function cpuSeconds(child: ChildProcess): number {
  return child.pid === undefined ? 0 : cpuSecondsOfPid(child.pid);
}

/** Resident set size in bytes (Linux /proc). */
export function residentBytes(child: ChildProcess): number {
  if (child.pid === undefined) return 0;
  const fields = procStatFields(child.pid);
  return fields ? Number(fields[21]) * PAGE_BYTES : 0;
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces): index 0 is field 3, state. */
function procStatFields(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}
