import { PostgresBroker } from '@interflow/broker-postgres';
import { RabbitmqBroker } from '@interflow/broker-rabbitmq';
import { createSilentLogger, createSqlClient, type Sql } from '@interflow/core';
import { createTestDatabase, type TestDatabase } from '@interflow/test-kit';

export const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

export interface MoveFixture {
  db: TestDatabase;
  /** RabbitMQ names of this file start with it (the schema), so files share the virtual host. */
  namePrefix: string;
  postgres: PostgresBroker;
  rabbitmq: RabbitmqBroker;
  /** A new RabbitMQ broker on a pool of its own, as a re-run after a crash has (the old one is closed first). */
  reopenRabbitmq(): Promise<RabbitmqBroker>;
  close(): Promise<void>;
}

/** A migrated schema of its own with both brokers on it; closing removes what it made on RabbitMQ. */
export async function createMoveFixture(): Promise<MoveFixture> {
  const db = await createTestDatabase({ poolSize: 8 });
  const namePrefix = `${db.schema}.`;
  const pools: Sql[] = [];
  const openRabbitmq = () => {
    const sql = createSqlClient({ url: db.url, schema: db.schema, max: 4 });
    pools.push(sql);
    return new RabbitmqBroker({ sql, logger: createSilentLogger(), url: AMQP_URL, namePrefix, outboxSweepAgeMs: 0, heartbeatIntervalMs: 500 });
  };
  const fixture: MoveFixture = {
    db,
    namePrefix,
    postgres: new PostgresBroker({ sql: db.sql, logger: createSilentLogger(), schema: db.schema, pollIntervalMs: 200 }),
    rabbitmq: openRabbitmq(),
    async reopenRabbitmq() {
      await fixture.rabbitmq.close();
      fixture.rabbitmq = openRabbitmq();
      return fixture.rabbitmq;
    },
    async close() {
      await fixture.postgres.close();
      await fixture.rabbitmq.removeAmqpTopology().catch(() => undefined);
      await fixture.rabbitmq.close();
      for (const pool of pools) await pool.end({ timeout: 1 });
      await db.drop();
    },
  };
  return fixture;
}
