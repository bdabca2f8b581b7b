import { createBroker, type SelectedBroker } from '@interflow/broker-select';
import { createSilentLogger, createSqlClient, systemClock, type Sql } from '@interflow/core';
import type { BenchmarkContext } from './benchmark';

/** A context for one benchmark on `schema`, and a way to close what it opened. */
export function createBenchContext(
  url: string,
  schema: string,
  progress: (message: string) => void,
  broker: 'postgres' | 'rabbitmq' = 'postgres',
  amqpUrl = 'amqp://guest:guest@127.0.0.1:5672',
): {
  context: BenchmarkContext;
  close(): Promise<void>;
} {
  const logger = createSilentLogger();
  const sql = createSqlClient({ url, schema, max: 8, applicationName: 'interflow-bench' });
  const opened: { broker: SelectedBroker; sql: Sql }[] = [];
  const context: BenchmarkContext = {
    url,
    schema,
    sql,
    logger,
    progress,
    broker,
    amqpUrl,
    async createBroker({ poolSize }) {
      const brokerSql = createSqlClient({ url, schema, max: poolSize, applicationName: 'interflow-bench-broker' });
      const made = createBroker(
        { INTERFLOW_BROKER: broker, AMQP_URL: amqpUrl, AMQP_NAME_PREFIX: `${schema}.` },
        { sql: brokerSql, logger, schema, clock: systemClock },
      );
      opened.push({ broker: made, sql: brokerSql });
      return made;
    },
  };
  return {
    context,
    async close() {
      for (const { broker: made, sql: brokerSql } of opened.reverse()) {
        if (made.kind === 'rabbitmq') await made.removeAmqpTopology();
        await made.close();
        await brokerSql.end({ timeout: 5 });
      }
      await sql.end({ timeout: 5 });
    },
  };
}
