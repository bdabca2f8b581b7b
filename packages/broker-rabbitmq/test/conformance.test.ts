import { describeBrokerConformance, transactionOn, type ConformanceSubject, type InterruptibleSubject, type SubjectOptions } from '@interflow/broker/conformance';
import { PrivateRabbitmq } from '@interflow/test-kit';
import { createRabbitFixture } from './broker-fixture';

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
 * A RabbitMQ node of the subject's own (the shared server must never be restarted: every
 * other RabbitMQ test uses it); `interrupt()` stops it cleanly and starts it again on the
 * same data, and resolves once it accepts connections.
 */
async function makeInterruptibleSubject(options: SubjectOptions = {}): Promise<InterruptibleSubject> {
  const node = await PrivateRabbitmq.create();
  try {
    await node.start();
    const fixture = await createRabbitFixture({ url: node.url, ...(options.random ? { random: options.random } : {}) });
    return {
      broker: fixture.broker,
      otherBroker: () => fixture.otherBroker(),
      transaction: transactionOn(fixture.db.sql),
      async interrupt() {
        await node.stop();
        await node.start();
      },
      async close() {
        try {
          if (!node.running) await node.start();
          await fixture.close();
        } finally {
          await node.remove();
        }
      },
    };
  } catch (error) {
    await node.remove();
    throw error;
  }
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
    settlesWithinMadeAfterCommit: 'a settle within a transaction is made after the commit (a crash in between delivers again)',
    settlesOnlyInHoldingProcess: 'AMQP acks are per channel: only the process holding a delivery may settle it',
    retriesCopyThenAck: 'a retry or dead letter is a copy sent before the original is acked (a crash in between leaves both)',
    queueLengthFixedAtCreation: 'maxLength and overflow are RabbitMQ queue arguments, fixed when the queue is created (409)',
    maxLengthCountsReadyOnly: 'RabbitMQ counts ready messages only against x-max-length',
    fullQueueBatchMayStoreOtherCopies: 'the batch fails, but copies for other queues may have been stored',
    dedupeKeyKeptUntilPurge: 'RabbitMQ does not tell the publisher when a message overflows or expires: its key is kept until a purge',
    delayedMessageExpiresAfterItsDelay: 'a delayed message waits in a delay queue and expires when it comes out',
    delayRoundedUp: 'delays are rounded up to two significant digits (one delay queue each)',
    peekShowsReadyOnly: 'delayed messages wait in delay queues, which peek does not read',
    inFlightOfOtherProcessesAsOfHeartbeat: "another process's deliveries count as of its last heartbeat (at most 5 s old)",
    deadCountsWholeDeadLetterQueue: 'stats.dead is the depth of the dead-letter queue, shared or not',
  },
});
