import { PostgresBroker } from '@interflow/broker-postgres';
import { ConfigError, type Clock, type Logger, type Sql } from '@interflow/core';
import { RabbitmqBroker } from '@interflow/broker-rabbitmq';
import { maskedAmqpUrl, type BrokerConfig } from './broker-config';

/**
 * The broker a daemon runs on: either implementation, tagged with its kind. Both offer
 * the contract, `publishWithin` and `listConsumers`; the RabbitMQ one also answers
 * `unsettledMessageIds` (its messages are not rows of this database).
 */
export type SelectedBroker = (PostgresBroker & { readonly kind: 'postgres' }) | (RabbitmqBroker & { readonly kind: 'rabbitmq' });

export interface BrokerDependencies {
  sql: Sql;
  logger: Logger;
  /** The database schema (the PostgreSQL broker's LISTEN channel). */
  schema: string;
  clock: Clock;
}

/**
 * The one place a daemon's broker is chosen. Both brokers keep their own bookkeeping in
 * the daemon's database (`sql`); RabbitMQ adds the AMQP connection, which the broker
 * re-establishes by itself when it drops.
 */
export function createBroker(config: BrokerConfig, deps: BrokerDependencies): SelectedBroker {
  if (config.INTERFLOW_BROKER === 'rabbitmq') {
    if (!config.AMQP_URL) throw new ConfigError(['AMQP_URL: required when INTERFLOW_BROKER=rabbitmq (e.g. amqp://guest:guest@127.0.0.1:5672)']);
    deps.logger.info('broker: RabbitMQ', { url: maskedAmqpUrl(config.AMQP_URL), namePrefix: config.AMQP_NAME_PREFIX });
    const broker = new RabbitmqBroker({ sql: deps.sql, logger: deps.logger, url: config.AMQP_URL, namePrefix: config.AMQP_NAME_PREFIX });
    return Object.assign(broker, { kind: 'rabbitmq' as const });
  }
  const broker = new PostgresBroker({ sql: deps.sql, logger: deps.logger, schema: deps.schema, clock: deps.clock });
  return Object.assign(broker, { kind: 'postgres' as const });
}
