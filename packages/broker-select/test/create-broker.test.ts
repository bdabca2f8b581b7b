import { PostgresBroker } from '@interflow/broker-postgres';
import { ConfigError, createSilentLogger, parseConfig, systemClock } from '@interflow/core';
import { RabbitmqBroker } from '@interflow/broker-rabbitmq';
import { createTestDatabase, type TestDatabase } from '@interflow/test-kit';
import { z } from 'zod';
import { brokerConfigShape, createBroker, maskedAmqpUrl } from '../src';

describe('choosing the broker from the environment', () => {
  const schema = z.object(brokerConfigShape);
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(() => db.drop());

  it('defaults to the PostgreSQL broker', async () => {
    const config = parseConfig(schema, {});
    expect(config).toMatchObject({ INTERFLOW_BROKER: 'postgres' });
    const broker = createBroker(config, { sql: db.sql, logger: createSilentLogger(), schema: db.schema, clock: systemClock });
    expect(broker).toBeInstanceOf(PostgresBroker);
    expect(broker.kind).toBe('postgres');
    await broker.close();
  });

  it('INTERFLOW_BROKER=rabbitmq needs AMQP_URL, named in the error; a bad URL is refused', async () => {
    const deps = { sql: db.sql, logger: createSilentLogger(), schema: db.schema, clock: systemClock };
    expect(() => createBroker(parseConfig(schema, { INTERFLOW_BROKER: 'rabbitmq' }), deps)).toThrow(ConfigError);
    expect(() => createBroker(parseConfig(schema, { INTERFLOW_BROKER: 'rabbitmq' }), deps)).toThrow(/AMQP_URL/);
    expect(() => parseConfig(schema, { INTERFLOW_BROKER: 'rabbitmq', AMQP_URL: 'http://x' })).toThrow(/AMQP_URL/);
    expect(() => parseConfig(schema, { INTERFLOW_BROKER: 'kafka' })).toThrow(/INTERFLOW_BROKER/);
    const broker = createBroker(parseConfig(schema, { INTERFLOW_BROKER: 'rabbitmq', AMQP_URL: 'amqp://guest:guest@127.0.0.1:5672' }), deps);
    expect(broker).toBeInstanceOf(RabbitmqBroker);
    expect(broker.kind).toBe('rabbitmq');
    await broker.close();
  });

  it('never logs the AMQP password', () => {
    expect(maskedAmqpUrl('amqp://user:s3cret@rabbit:5672/vhost')).toBe('amqp://user:***@rabbit:5672/vhost');
  });
});
