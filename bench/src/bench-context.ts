import { type Broker } from '@interflow/broker';
import { PostgresBroker } from '@interflow/broker-postgres';
import { createSilentLogger, createSqlClient, type Sql } from '@interflow/core';
import type { BenchmarkContext } from './benchmark';

/** A context for one benchmark on `schema`, and a way to close what it opened. */
export function createBenchContext(url: string, schema: string, progress: (message: string) => void): {
  context: BenchmarkContext;
  close(): Promise<void>;
} {
  const logger = createSilentLogger();
  const sql = createSqlClient({ url, schema, max: 8, applicationName: 'interflow-bench' });
  const opened: { broker: Broker; sql: Sql }[] = [];
  const context: BenchmarkContext = {
    url,
    schema,
    sql,
    logger,
    progress,
    async createBroker({ poolSize }) {
      const brokerSql = createSqlClient({ url, schema, max: poolSize, applicationName: 'interflow-bench-broker' });
      const broker = new PostgresBroker({ sql: brokerSql, logger, schema });
      opened.push({ broker, sql: brokerSql });
      return broker;
    },
  };
  return {
    context,
    async close() {
      for (const { broker, sql: brokerSql } of opened.reverse()) {
        await broker.close();
        await brokerSql.end({ timeout: 5 });
      }
      await sql.end({ timeout: 5 });
    },
  };
}
