import amqp from 'amqplib';
import { createSilentLogger, createSqlClient } from '@interflow/core';
import { AmqpNames, RabbitmqBroker, type RabbitmqBrokerOptions } from '../src';
import { createTestDatabase, type TestDatabase } from '@interflow/test-kit';

export const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

export interface RabbitFixture {
  db: TestDatabase;
  broker: RabbitmqBroker;
  /** The RabbitMQ names of this file's topology (its schema is the prefix). */
  names: AmqpNames;
  /** Another broker on its own pool and connection: a second process, as far as RabbitMQ can tell. */
  otherBroker(options?: Partial<RabbitmqBrokerOptions>): RabbitmqBroker;
  close(): Promise<void>;
}

/** A migrated schema of its own and a broker whose RabbitMQ names carry the schema as prefix, removed again on close. */
export async function createRabbitFixture(options: Partial<RabbitmqBrokerOptions> = {}): Promise<RabbitFixture> {
  const db = await createTestDatabase({ poolSize: 8 });
  const namePrefix = `${db.schema}.`;
  const names = new AmqpNames(namePrefix);
  const extras: RabbitmqBroker[] = [];
  const pools: { end(options?: { timeout?: number }): Promise<void> }[] = [];
  const url = options.url ?? AMQP_URL;
  const make = (sql: typeof db.sql, more: Partial<RabbitmqBrokerOptions>) =>
    // No wait after a declaration (decision 68) unless a test asks for it: only the restart tests crash RabbitMQ.
    new RabbitmqBroker({ sql, logger: createSilentLogger(), url, namePrefix, heartbeatIntervalMs: 500, declarationSettleMs: 0, ...options, ...more });
  const broker = make(db.sql, {});
  return {
    db,
    broker,
    names,
    otherBroker(more = {}) {
      const sql = createSqlClient({ url: db.url, schema: db.schema, max: 4 });
      pools.push(sql);
      const other = make(sql, more);
      extras.push(other);
      return other;
    },
    async close() {
      for (const other of extras) await other.close();
      await broker.close();
      for (const pool of pools) await pool.end({ timeout: 1 });
      try {
        await removeRabbitTopology(db, names, url);
      } finally {
        await db.drop();
      }
    },
  };
}

/** Deletes every RabbitMQ queue and exchange the record names (and their delay queues). */
export async function removeRabbitTopology(db: TestDatabase, names: AmqpNames, url: string = AMQP_URL): Promise<void> {
  const queues = await db.sql<{ name: string }[]>`select name from rabbitmq_queues`;
  const delays = await db.sql<{ queue: string; delay_ms: number }[]>`select queue, delay_ms from rabbitmq_delay_queues`;
  const exchanges = await db.sql<{ name: string }[]>`select name from rabbitmq_exchanges`;
  const connection = await amqp.connect(url);
  try {
    const channel = await connection.createChannel();
    for (const queue of queues) await channel.deleteQueue(names.queue(queue.name));
    for (const delay of delays) await channel.deleteQueue(names.delayQueue(delay.queue, delay.delay_ms));
    for (const exchange of exchanges) await channel.deleteExchange(names.exchange(exchange.name));
    await channel.deleteExchange(names.deadLetterExchange());
    await channel.close();
  } finally {
    await connection.close();
  }
}
