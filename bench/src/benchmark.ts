import { type Broker } from '@interflow/broker';
import { type Logger, type Sql } from '@interflow/core';

/** A latency distribution in milliseconds. */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

/**
 * What a benchmark measured: flat snake_case keys, each a number or a percentile set.
 * Keys carry their unit (`_per_s`, `_ms`) because they are merged into one JSON object
 * with every other benchmark's keys; two modules must never report the same key.
 */
export type BenchmarkResult = Record<string, number | Percentiles>;

export interface BrokerOptions {
  /** Size of the broker's SQL pool; size it for the concurrency the benchmark drives. */
  poolSize: number;
}

/** What the harness gives each benchmark: a fresh migrated schema and ways to use it. */
export interface BenchmarkContext {
  /** URL of the benchmark's own database (created for this run, dropped after it). */
  url: string;
  /** A schema only this benchmark uses, migrated with every migration of this build. */
  schema: string;
  /** A pool of up to 8 connections on that schema (search_path set), for setup and verification. */
  sql: Sql;
  /** A silent logger (benchmarks report through their result, not logs). */
  logger: Logger;
  /** The broker under test (`--broker`): `createBroker` makes that kind. */
  broker: 'postgres' | 'rabbitmq';
  /** RabbitMQ for `--broker rabbitmq` and the amqplib yardstick (AMQP_URL, default the local server). */
  amqpUrl: string;
  /** A broker of the chosen kind on the schema (RabbitMQ names prefixed with it); the harness closes every broker it made. */
  createBroker(options: BrokerOptions): Promise<Broker>;
  /** A progress line on stderr (stdout is kept for the report). */
  progress(message: string): void;
}

export interface Benchmark {
  /** Used with `--only`; lower-case, no spaces. */
  name: string;
  /** One line for the table and `--list`. */
  description: string;
  /** Runs to completion (bounded: every wait has a deadline) and returns its numbers. */
  run(context: BenchmarkContext): Promise<BenchmarkResult>;
}
