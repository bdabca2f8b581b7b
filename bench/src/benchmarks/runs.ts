import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { DAEMON_HEAP_LIMIT_MB } from '@interflow/core';
import { freePort } from '@interflow/local-postgres';
import type { Benchmark, BenchmarkContext, BenchmarkResult } from '../benchmark';
import { cpuSeconds, cpuSecondsOfPid, residentBytes, startDaemon, stopDaemon } from '../daemon-process';
import { activityPerRun, backends, readDatabaseActivity, type Backend } from '../runs/database-activity';
import { registerEchoAction, type EchoAction } from '../runs/register-echo-action';
import { sampleRssFloor } from '../runs/rss-floor';
import { lastRunSeq, runLatency, runsPerSecond, waitForSucceeded } from '../runs/run-tally';
import { WebhookLoad } from '../runs/webhook-load';

const CLIENTS = 32;
const WARM_UP_RUNS = 500;
/**
 * Runs in all by the end, for the memory comparison (RSS then against RSS after the
 * first tenth). `BENCH_RUNS_TOTAL` shrinks the whole benchmark for a quick look (each
 * phase is a tenth of it; the latency phase a fiftieth).
 */
const TOTAL_RUNS = totalRuns(process.env.BENCH_RUNS_TOTAL);
const THROUGHPUT_RUNS = TOTAL_RUNS / 10;
const LATENCY_RATE_PER_SECOND = 200;
const LATENCY_RUNS = TOTAL_RUNS / 50;
const PHASE_TIMEOUT_MS = 600_000;
/** Backends report their statistics up to 10 s late when idle. */
const STATISTICS_SETTLE_MS = 11_000;
const RUNNER_CONCURRENCY = 32;
const RUNNER_PREFETCH = 64;
const APPS = path.resolve(__dirname, '..', '..', '..', 'apps');
const CONNECTOR_SCRIPT = path.resolve(__dirname, '..', 'runs', 'echo-connector-main.js');

interface Daemons {
  api: ChildProcess;
  connector: ChildProcess;
  runners: ChildProcess[];
}

/**
 * `runs_*`: whole action runs. Each is triggered through the api's webhook route over
 * HTTP (keep-alive, 32 concurrent clients), queued (run row + message in one
 * transaction), executed by the runner daemon against a connector built with the SDK
 * that answers at once (its own process), and recorded as succeeded. Every daemon is
 * the built app in its own process with its default settings, except: log level warn,
 * runner concurrency 32 and prefetch 64. Measured: runs/s with 1 and with 2 runner
 * processes; webhook accepted → run finished at a fixed 200 runs/s (open loop); CPU per
 * run of the Node daemons and the PostgreSQL backends; transactions and rows written per
 * run; RSS of each daemon after the first tenth of the runs and after all of them
 * (100,000 unless BENCH_RUNS_TOTAL says otherwise), as one sample each and as the lowest
 * of the samples taken through the first and the last tenth (`rss_floor`: what a
 * daemon keeps between its garbage collections).
 */
export const runsBenchmark: Benchmark = {
  name: 'runs',
  description: `webhook-triggered runs through api, runner and an SDK connector: ${THROUGHPUT_RUNS} with 1 and with 2 runners, ${LATENCY_RUNS} at ${LATENCY_RATE_PER_SECOND}/s, ${TOTAL_RUNS} in all`,
  async run(context) {
    const secrets = {
      key: `bench:${crypto.randomBytes(32).toString('base64')}`,
      adminToken: crypto.randomBytes(32).toString('base64url'),
      signing: crypto.randomBytes(32).toString('base64url'),
    };
    const connectorPort = await freePort();
    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const daemons: Daemons = {
      connector: await startDaemon({
        name: 'the echo connector',
        script: CONNECTOR_SCRIPT,
        env: { PORT: String(connectorPort), SIGNING_SECRET: secrets.signing },
        heapLimitMb: DAEMON_HEAP_LIMIT_MB.connector,
        readyUrl: `http://127.0.0.1:${connectorPort}/healthz`,
      }),
      api: await startDaemon({
        name: 'the api',
        script: path.join(APPS, 'api', 'dist', 'main.js'),
        heapLimitMb: DAEMON_HEAP_LIMIT_MB.api,
        env: {
          ...databaseEnv(context),
          PORT: String(apiPort),
          HOST: '127.0.0.1',
          INTERFLOW_SECRET_KEY: secrets.key,
          INTERFLOW_ADMIN_TOKEN: secrets.adminToken,
        },
        readyUrl: `${apiUrl}/readyz`,
      }),
      runners: [],
    };
    const load = { current: null as WebhookLoad | null };
    try {
      daemons.runners.push(await startRunner(context, secrets.key));
      const action = await registerEchoAction(apiUrl, secrets.adminToken, `http://127.0.0.1:${connectorPort}`, secrets.signing);
      load.current = new WebhookLoad(apiUrl, action.webhookPath, CLIENTS);
      return await measure(context, daemons, action, load.current, secrets.key);
    } finally {
      load.current?.close();
      for (const runner of daemons.runners) await stopDaemon(runner);
      await stopDaemon(daemons.api);
      await stopDaemon(daemons.connector);
    }
  },
};

async function measure(context: BenchmarkContext, daemons: Daemons, action: EchoAction, load: WebhookLoad, secretKey: string): Promise<BenchmarkResult> {
  let fired = 0;
  const phase = async (count: number, fire: (first: number) => Promise<void>) => {
    const afterSeq = await lastRunSeq(context.sql);
    await fire(fired);
    fired += count;
    await waitForSucceeded(context.sql, action.actionId, afterSeq, count, PHASE_TIMEOUT_MS);
    return afterSeq;
  };
  await phase(WARM_UP_RUNS, (first) => load.closedLoop(first, WARM_UP_RUNS, CLIENTS));

  // One runner: throughput, with CPU and database activity per run.
  context.progress(`${THROUGHPUT_RUNS} runs, 1 runner`);
  const pids = await backends(context.sql);
  const cpuBefore = cpuOf(daemons, pids);
  const activityBefore = await readDatabaseActivity(context.sql, context.schema);
  const floorOfFirstTenth = sampleRssFloor(() => rssOf(daemons));
  const oneRunnerSeq = await phase(THROUGHPUT_RUNS, (first) => load.closedLoop(first, THROUGHPUT_RUNS, CLIENTS));
  const rssFloorAfter10k = floorOfFirstTenth.stop();
  const cpuAfter = cpuOf(daemons, pids);
  const oneRunner = await runsPerSecond(context.sql, action.actionId, oneRunnerSeq);
  await new Promise((resolve) => setTimeout(resolve, STATISTICS_SETTLE_MS));
  const activity = activityPerRun(activityBefore, await readDatabaseActivity(context.sql, context.schema), THROUGHPUT_RUNS, 0);
  context.progress(`per run: ${activity.commits.toFixed(2)} commits, rows written ${JSON.stringify(activity.byTable)}`);

  context.progress(`${LATENCY_RUNS} runs at ${LATENCY_RATE_PER_SECOND}/s, 1 runner`);
  const latencySeq = await phase(LATENCY_RUNS, (first) => load.atRate(first, LATENCY_RUNS, LATENCY_RATE_PER_SECOND));
  const latency = await runLatency(context.sql, action.actionId, latencySeq);
  const rssAfter10k = rssOf(daemons);

  context.progress(`${THROUGHPUT_RUNS} runs, 2 runners`);
  daemons.runners.push(await startRunner(context, secretKey));
  const twoRunnersSeq = await phase(THROUGHPUT_RUNS, (first) => load.closedLoop(first, THROUGHPUT_RUNS, CLIENTS));
  const twoRunners = await runsPerSecond(context.sql, action.actionId, twoRunnersSeq);
  // The second runner's baseline: after its own first tenth or so (half of two tenths).
  const floorOfSecondRunner = sampleRssFloor(() => rssOf(daemons));
  await phase(THROUGHPUT_RUNS, (first) => load.closedLoop(first, THROUGHPUT_RUNS, CLIENTS));
  const secondRunnerFloor = floorOfSecondRunner.stop().runner_2 ?? 0;
  const secondRunnerBaseline = rssOf(daemons).runner_2 ?? 0;

  // The floor of each later tenth too: whether a daemon's memory levels off or keeps growing.
  const floorsByTenth: Record<string, number>[] = [];
  let rssFloorAfter100k: Record<string, number> = {};
  while (fired < TOTAL_RUNS) {
    const count = Math.min(THROUGHPUT_RUNS, TOTAL_RUNS - fired);
    context.progress(`memory: ${fired} of ${TOTAL_RUNS} runs`);
    const floorOfTenth = sampleRssFloor(() => rssOf(daemons));
    await phase(count, (first) => load.closedLoop(first, count, CLIENTS));
    rssFloorAfter100k = floorOfTenth.stop();
    floorsByTenth.push(rssFloorAfter100k);
  }
  const rssAfter100k = rssOf(daemons);
  for (const daemon of Object.keys(rssFloorAfter100k)) {
    context.progress(`memory: ${daemon}'s RSS floor by tenth (MB): ${floorsByTenth.map((floor) => Math.round((floor[daemon] ?? 0) / 2 ** 20)).join(' ')}`);
  }
  const baseline: Record<string, number> = { ...rssAfter10k, runner_2: secondRunnerBaseline };
  const floorBaseline: Record<string, number> = { ...rssFloorAfter10k, runner_2: secondRunnerFloor };

  const cpuMs = (cpuAfter.total - cpuBefore.total) * 1000;
  const perDaemon = Object.entries(cpuAfter.byDaemon).map(([daemon, seconds]) => `${daemon} ${(((seconds - (cpuBefore.byDaemon[daemon] ?? 0)) * 1000) / THROUGHPUT_RUNS).toFixed(2)}`);
  const perClient = Object.entries(cpuAfter.byClient).map(([client, seconds]) => `${client} ${(((seconds - (cpuBefore.byClient[client] ?? 0)) * 1000) / THROUGHPUT_RUNS).toFixed(2)}`);
  context.progress(`CPU ms per run: ${perDaemon.join(', ')}, postgres ${(((cpuAfter.postgres - cpuBefore.postgres) * 1000) / THROUGHPUT_RUNS).toFixed(2)} (backends by client: ${perClient.join(', ')})`);
  const result: BenchmarkResult = {
    runs_per_s: oneRunner,
    runs_per_s_2_runners: twoRunners,
    runs_accepted_to_finished_ms: latency.acceptedToFinished,
    runs_accepted_to_started_ms: latency.acceptedToStarted,
    runs_started_to_finished_ms: latency.startedToFinished,
    runs_cpu_ms_per_run: round2(cpuMs / THROUGHPUT_RUNS),
    runs_node_cpu_ms_per_run: round2(((cpuAfter.node - cpuBefore.node) * 1000) / THROUGHPUT_RUNS),
    runs_postgres_cpu_ms_per_run: round2(((cpuAfter.postgres - cpuBefore.postgres) * 1000) / THROUGHPUT_RUNS),
    runs_commits_per_run: round2(activity.commits),
    runs_rows_written_per_run: round2(activity.rowsWritten),
  };
  for (const [daemon, bytes] of Object.entries(rssAfter100k)) {
    const first = baseline[daemon] ?? 0;
    result[`runs_rss_mb_${daemon}_first_tenth`] = round2(first / 2 ** 20);
    result[`runs_rss_mb_${daemon}_end`] = round2(bytes / 2 ** 20);
    result[`runs_rss_growth_${daemon}`] = round2(bytes / first);
  }
  for (const [daemon, bytes] of Object.entries(rssFloorAfter100k)) {
    const first = floorBaseline[daemon] ?? 0;
    result[`runs_rss_floor_mb_${daemon}_first_tenth`] = round2(first / 2 ** 20);
    result[`runs_rss_floor_mb_${daemon}_last_tenth`] = round2(bytes / 2 ** 20);
    result[`runs_rss_floor_growth_${daemon}`] = round2(bytes / first);
  }
  return result;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function totalRuns(setting: string | undefined): number {
  if (setting === undefined) return 100_000;
  const total = Number(setting);
  if (!Number.isInteger(total) || total < 5_000 || total % 50 !== 0) throw new Error('BENCH_RUNS_TOTAL must be a whole number of runs, at least 5000, a multiple of 50');
  return total;
}

function databaseEnv(context: BenchmarkContext): Record<string, string> {
  return { DATABASE_URL: context.url, DATABASE_SCHEMA: context.schema, LOG_LEVEL: 'warn' };
}

async function startRunner(context: BenchmarkContext, secretKey: string): Promise<ChildProcess> {
  const healthPort = await freePort();
  return startDaemon({
    name: 'a runner',
    script: path.join(APPS, 'runner', 'dist', 'main.js'),
    heapLimitMb: DAEMON_HEAP_LIMIT_MB.runner,
    env: {
      ...databaseEnv(context),
      HEALTH_PORT: String(healthPort),
      INTERFLOW_SECRET_KEY: secretKey,
      // The echo connector listens on loopback: allowed explicitly, as an operator would.
      INTERFLOW_OUTBOUND_ALLOW: '127.0.0.1',
      RUNNER_CONCURRENCY: String(RUNNER_CONCURRENCY),
      RUNNER_PREFETCH: String(RUNNER_PREFETCH),
    },
    readyUrl: `http://127.0.0.1:${healthPort}/readyz`,
  });
}

/** CPU seconds so far: the Node daemons, and the server backends given (also by the client that opened them). */
function cpuOf(
  daemons: Daemons,
  backendList: Backend[],
): { node: number; postgres: number; total: number; byDaemon: Record<string, number>; byClient: Record<string, number> } {
  const byDaemon: Record<string, number> = { api: cpuSeconds(daemons.api), connector: cpuSeconds(daemons.connector) };
  daemons.runners.forEach((runner, index) => (byDaemon[`runner_${index + 1}`] = cpuSeconds(runner)));
  const node = Object.values(byDaemon).reduce((sum, seconds) => sum + seconds, 0);
  const byClient: Record<string, number> = {};
  for (const backend of backendList) byClient[backend.client] = (byClient[backend.client] ?? 0) + cpuSecondsOfPid(backend.pid);
  const postgres = Object.values(byClient).reduce((sum, seconds) => sum + seconds, 0);
  return { node, postgres, total: node + postgres, byDaemon, byClient };
}

function rssOf(daemons: Daemons): Record<string, number> {
  const rss: Record<string, number> = { api: residentBytes(daemons.api), connector: residentBytes(daemons.connector) };
  daemons.runners.forEach((runner, index) => (rss[`runner_${index + 1}`] = residentBytes(runner)));
  return rss;
}
