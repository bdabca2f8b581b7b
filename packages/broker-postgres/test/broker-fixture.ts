import { createSilentLogger, createSqlClient } from '@interflow/core';
import { PostgresBroker, type PostgresBrokerOptions } from '../src';
import { createTestDatabase, type TestDatabase } from '@interflow/test-kit';

export interface BrokerFixture {
  db: TestDatabase;
  broker: PostgresBroker;
  /** Another broker instance on its own pool: a second process, as far as the queue can tell. */
  otherBroker(options?: Partial<PostgresBrokerOptions>): PostgresBroker;
  close(): Promise<void>;
}

/** A migrated schema of its own and a broker on it, polling fast so tests do not wait long. */
export async function createBrokerFixture(options: Partial<PostgresBrokerOptions> = {}): Promise<BrokerFixture> {
  const db = await createTestDatabase({ poolSize: 8 });
  const extras: PostgresBroker[] = [];
  const pools: { end(options?: { timeout?: number }): Promise<void> }[] = [];
  const broker = new PostgresBroker({ sql: db.sql, logger: createSilentLogger(), schema: db.schema, pollIntervalMs: 200, ...options });
  return {
    db,
    broker,
    otherBroker(more = {}) {
      const sql = createSqlClient({ url: db.url, schema: db.schema, max: 4 });
      pools.push(sql);
      const other = new PostgresBroker({ sql, logger: createSilentLogger(), schema: db.schema, pollIntervalMs: 200, ...options, ...more });
      extras.push(other);
      return other;
    },
    async close() {
      for (const other of extras) await other.close();
      await broker.close();
      for (const pool of pools) await pool.end({ timeout: 1 });
      await db.drop();
    },
  };
}
