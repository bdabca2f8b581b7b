/**
 * `npm run bench`: measures the PostgreSQL broker on this machine (`--broker rabbitmq`: the
 * RabbitMQ broker, beside plain amqplib doing the same work in the same run).
 *
 * Adding a benchmark (the scheduler's `schedule_fire_p99_lag_ms`, for instance):
 *
 * 1. Write `bench/src/benchmarks/<name>.ts` exporting a `Benchmark` (bench/src/benchmark.ts):
 *
 *      export const scheduleBenchmark: Benchmark = {
 *        name: 'schedule',                       // for `--only schedule`
 *        description: 'one line for the table',
 *        async run(context) {                    // context: BenchmarkContext
 *          // context.url / context.schema: a fresh schema with every migration applied,
 *          //   only this benchmark uses it; context.sql: a small pool on it.
 *          // context.createBroker({ poolSize }): a PostgresBroker on that schema (closed for you).
 *          // context.progress('...'): a line on stderr; never write to stdout.
 *          // Bound every loop and every wait (see Countdown in bench/src/countdown.ts).
 *          return { schedule_fire_p99_lag_ms: 3.2, schedule_fires_per_s: 950 };
 *        },
 *      };
 *
 *    Result keys are snake_case with their unit (`_per_s`, `_ms`), numbers or
 *    `{p50, p95, p99}`; they are merged into the one `--json` object, so they must not
 *    repeat another benchmark's key (the harness refuses a duplicate).
 * 2. Append it to the list in `bench/src/benchmarks/index.ts`.
 *
 * The harness creates a database for the run, gives each run of a benchmark its own
 * migrated schema (dropped after it), runs them one after the other and drops the
 * database. With `--repeat N` each number reported is the median of N runs.
 */
import type { Benchmark, BenchmarkResult } from './benchmark';
import { benchmarks } from './benchmarks';
import { createBenchContext } from './bench-context';
import { createBenchDatabase, type BenchDatabase } from './bench-database';
import { killDaemons } from './daemon-process';
import { parseCliOptions, USAGE } from './cli-options';
import { jsonReport, medianResult, tableReport, type BenchmarkOutcome } from './report';
import { compareWithYardstick, YARDSTICK } from './yardstick-comparison';

async function main(): Promise<number> {
  const options = parseCliOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.list) {
    for (const benchmark of benchmarks) process.stdout.write(`${benchmark.name.padEnd(14)} ${benchmark.description}\n`);
    return 0;
  }
  const unknown = options.only.filter((name) => !benchmarks.some((b) => b.name === name));
  if (unknown.length > 0) {
    throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${benchmarks.map((b) => b.name).join(', ')}`);
  }
  // The amqplib yardstick belongs to RabbitMQ runs: with --broker rabbitmq it always runs (the ratios need it).
  const wanted = (b: Benchmark) => (b.name === YARDSTICK ? options.broker === 'rabbitmq' : options.only.length === 0 || options.only.includes(b.name));
  const selected = benchmarks.filter(wanted);
  const amqpUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
  const progress = (message: string) => process.stderr.write(`bench: ${message}\n`);

  const database = await createBenchDatabase(process.env);
  // Ctrl-C mid-run must not leave a database behind: drop it (closing our own
  // connections with it) and exit as interrupted.
  const interrupted = (signal: NodeJS.Signals) => {
    progress(`${signal}: stopping the daemons started and dropping the bench database`);
    killDaemons();
    void database.drop().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const outcomes: BenchmarkOutcome[] = [];
  try {
    for (const benchmark of selected) {
      const started = performance.now();
      const runs: BenchmarkResult[] = [];
      for (let run = 1; run <= options.repeat; run += 1) {
        const label = options.repeat > 1 ? `${benchmark.name} (run ${run}/${options.repeat})` : benchmark.name;
        progress(`${label}: ${benchmark.description}`);
        runs.push(await runOnce(benchmark, database, (message) => progress(`${label}: ${message}`), options.broker, amqpUrl));
        progress(`${label}: ${JSON.stringify(runs[runs.length - 1])}`);
      }
      const seconds = (performance.now() - started) / 1000;
      outcomes.push({ name: benchmark.name, description: benchmark.description, seconds, result: medianResult(runs) });
    }
  } finally {
    await database.drop();
  }
  const comparison = compareWithYardstick(outcomes);
  if (comparison) outcomes.push(comparison);
  process.stdout.write(options.json ? `${JSON.stringify(jsonReport(outcomes))}\n` : `${tableReport(outcomes)}\n`);
  return 0;
}

/** One run of a benchmark on a fresh schema, dropped afterwards. */
async function runOnce(
  benchmark: Benchmark,
  database: BenchDatabase,
  progress: (message: string) => void,
  broker: 'postgres' | 'rabbitmq',
  amqpUrl: string,
): Promise<BenchmarkResult> {
  const schema = await database.createSchema(benchmark.name);
  const { context, close } = createBenchContext(database.url, schema, progress, broker, amqpUrl);
  try {
    return await benchmark.run(context);
  } finally {
    await close();
    await database.dropSchema(schema);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
