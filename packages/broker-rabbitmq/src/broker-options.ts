import type { Logger, Sql } from '@interflow/core';
import type { RelayCrashPoint } from './outbox';

export interface RabbitmqBrokerOptions {
  /** PostgreSQL pool (search_path set): the topology record, dedupe keys, the outbox, the consumer registry. */
  sql: Sql;
  logger: Logger;
  /** amqp://user:password@host:port/vhost (a `heartbeat` in its query wins over `heartbeatSeconds`) */
  url: string;
  /** The AMQP heartbeat in seconds (default 10, amqp-connection.ts): how soon a silent connection is given up. */
  heartbeatSeconds?: number;
  /** Put before every RabbitMQ name, so installations (or test files) can share a virtual host. */
  namePrefix?: string;
  /** Random source of the retry jitter (tests pin it). */
  random?: () => number;
  heartbeatIntervalMs?: number;
  /**
   * How long a declaration that made a queue waits before it resolves, so RabbitMQ has
   * written it out (durable-queue.ts, decision 68). Default 3000; 0 where the metadata
   * store writes before it answers (not RabbitMQ 3.10–3.12 on Mnesia), or for tests that
   * never crash RabbitMQ.
   */
  declarationSettleMs?: number;
  /** The outbox sweep: how often, and how old a row must be to be taken (left by a process that died). */
  outboxSweepIntervalMs?: number;
  outboxSweepAgeMs?: number;
  /** Tests only: make the outbox relay fail at this point. */
  outboxRelayCrashAt?: RelayCrashPoint;
}
