// A consumer process the "consumer process dies" test kills with SIGKILL: concurrency 2,
// prefetch 4, so it holds six deliveries at once, two in handlers and four waiting in its
// prefetch buffer. A handler never finishes (the process dies holding it); each delivery
// a handler starts is logged as a line of JSON on stdout.
import core from '@interflow/core';
import brokerRabbitmq from '@interflow/broker-rabbitmq';

const { createSqlClient, createSilentLogger } = core;
const { RabbitmqBroker } = brokerRabbitmq;
const sql = createSqlClient({ url: process.env.DATABASE_URL, schema: process.env.DATABASE_SCHEMA, max: 2 });
const broker = new RabbitmqBroker({
  sql,
  logger: createSilentLogger(),
  url: process.env.AMQP_URL,
  namePrefix: process.env.AMQP_NAME_PREFIX,
  heartbeatIntervalMs: 200,
});
const say = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

broker.consume(
  process.env.QUEUE,
  async (delivery) => {
    say({ message: 'handling', payload: delivery.payload, attempt: delivery.attempt, recovered: delivery.recovered });
    await new Promise(() => undefined);
  },
  { concurrency: 2, prefetch: 4, leaseMs: 600_000 },
);
say({ message: 'consuming' });
