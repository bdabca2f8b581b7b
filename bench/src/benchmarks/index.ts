import { amqplibYardstick } from './amqplib-yardstick';
import type { Benchmark } from '../benchmark';
import { baselineBenchmark } from './baseline';
import { drainBenchmark } from './drain';
import { endToEndBenchmark } from './end-to-end';
import { latencyBenchmark } from './latency';
import { publishBulkBenchmark } from './publish-bulk';
import { runsBenchmark } from './runs';
import { scheduleBenchmark } from './schedule';

/**
 * Every benchmark `npm run bench` knows, in the order they run. To add one, write a
 * module exporting a `Benchmark` (see ../benchmark.ts and ../main.ts) and list it here.
 */
export const benchmarks: readonly Benchmark[] = [
  baselineBenchmark,
  publishBulkBenchmark,
  drainBenchmark,
  latencyBenchmark,
  endToEndBenchmark,
  scheduleBenchmark,
  runsBenchmark,
  amqplibYardstick,
];
