import { describeBrokerConformance, transactionOn, type ConformanceSubject, type InterruptibleSubject, type SubjectOptions } from '@interflow/broker/conformance';
import { createSilentLogger } from '@interflow/core';
import { RabbitmqBroker } from '../src';
import { createRabbitFixture } from './broker-fixture';
import { TcpProxy } from './support/tcp-proxy';

// Consumers are pushed to by RabbitMQ: there is no polling to slow down for `wakeUpOnly`.
async function makeSubject(options: SubjectOptions = {}): Promise<ConformanceSubject> {
  const fixture = await createRabbitFixture(options.random ? { random: options.random } : {});
  return {
    broker: fixture.broker,
    otherBroker: () => fixture.otherBroker(),
    transaction: transactionOn(fixture.db.sql),
    close: () => fixture.close(),
  };
}

/**
 * The server is shared by every test run on the machine, so it is not restarted: the
 * brokers connect through a TCP proxy, and `interrupt()` drops every connection at once
 * (what a restart does to a client), while new connections are accepted again.
 */
async function makeInterruptibleSubject(options: SubjectOptions = {}): Promise<InterruptibleSubject> {
  const fixture = await createRabbitFixture(options.random ? { random: options.random } : {});
  const proxy = new TcpProxy('127.0.0.1', 5672);
  await proxy.start();
  const brokers: RabbitmqBroker[] = [];
  const open = () => {
    const broker = new RabbitmqBroker({
      sql: fixture.db.sql,
      logger: createSilentLogger(),
      url: `amqp://guest:guest@127.0.0.1:${proxy.port}`,
      namePrefix: fixture.names.prefix,
      heartbeatIntervalMs: 500,
    });
    brokers.push(broker);
    return broker;
  };
  return {
    broker: open(),
    otherBroker: open,
    transaction: transactionOn(fixture.db.sql),
    async interrupt() {
      proxy.cut();
    },
    async close() {
      for (const broker of brokers) await broker.close();
      await proxy.stop();
      await fixture.close();
    },
  };
}

describeBrokerConformance('RabbitMQ', {
  makeSubject,
  makeInterruptibleSubject,
  // Each is listed in docs/broker-rabbitmq.md ("Differences from the PostgreSQL broker").
  differences: {
    locatesOnlyMessagesPublishedWithin:
      'only messages published within a transaction are tracked (decision 38); a plain publish\'s id (marked in its top bit) is answered as waiting',
    choresNotCountedByHousekeep: 'RabbitMQ expires messages itself and the broker returns lapsed leases itself; housekeep only prunes',
    lapsedLeaseAlwaysCountsAttempt: 'a lapsed delivery comes back recovered with its attempt counted, handed over or not',
  },
});
