import type amqp from 'amqplib';
import {
  type Broker, type ClaimOptions, type Consumer, type ConsumeOptions, type DeathRecord, type Delivery, type DeliveryHandler,
  type DeliveryRef, type HousekeepingCounts, type HousekeepingOptions, type MessageWhereabouts, type NackOptions, type Publication,
  type PublishReceipt, type PublishWithinOptions, type QueueGauge, type QueueStats, type TransactionSql,
} from '@interflow/broker';
import { ValidationError, type Logger, type Sql } from '@interflow/core';
import { AmqpConnection } from './amqp-connection';
import { AmqpNames } from './amqp-names';
import { AmqpQueueConsumer } from './amqp-queue-consumer';
import { arrive } from './arrival';
import type { RabbitmqBrokerOptions } from './broker-options';
import { CommitWatcher } from './commit-watcher';
import { consumerSettings } from './consume-options';
import { listConsumers, type RegisteredConsumer } from './consumer-registry';
import { DeliverySettles } from './delivery-settles';
import type { Envelope } from './envelope';
import { DEFAULT_DECLARATION_SETTLE_MS } from './durable-queue';
import { EnvelopeSender } from './envelope-sender';
import { housekeep } from './housekeeping';
import { leaseMsFor } from './lease-duration';
import { Leases } from './leases';
import { MessageIds } from './message-ids';
import { RabbitmqMessageMove } from './message-move';
import { OutboxRelay } from './outbox';
import { PullClaims } from './pull-claims';
import { Publishing } from './publishing';
import { QueueOperations } from './queue-operations';
import { QueueRestorer } from './queue-restorer';
import { QueueStatistics } from './queue-statistics';
import { RateCounter } from './rate-counter';
import { Settlement } from './settlement';
import { TopologyCache } from './topology-cache';
import { TopologyDeclarer } from './topology-declarer';
import * as store from './topology-store';
import { RabbitmqTopology } from './rabbitmq-topology';
import { deadTracked, locateTracked, unsettledTracked } from './tracked-messages';

export type { RabbitmqBrokerOptions } from './broker-options';

/**
 * The broker contract on RabbitMQ. Topology lives in RabbitMQ and, with the policies and
 * binding ids AMQP cannot hold, in PostgreSQL; publishes are routed here (exact
 * receipts, a message id per queue) and sent straight to their queues with publisher
 * confirms; delays go through per-delay TTL queues; leases, attempts and death records
 * are kept by this broker around RabbitMQ's unacknowledged deliveries. See
 * docs/broker-rabbitmq.md for what differs from the PostgreSQL broker.
 *
 * This class only wires the parts: publishing (publishing.ts, envelope-sender.ts, the
 * outbox), claims (pull-claims.ts), push consumers (amqp-queue-consumer.ts), settles
 * (delivery-settles.ts, settlement.ts), leases (leases.ts), statistics
 * (queue-statistics.ts), operations (queue-operations.ts) and topology
 * (rabbitmq-topology.ts).
 */
export class RabbitmqBroker extends RabbitmqTopology implements Broker {
  protected readonly sql: Sql;
  private readonly logger: Logger;
  private readonly connection: AmqpConnection;
  private readonly names: AmqpNames;
  protected readonly topology: TopologyCache;
  protected readonly declarer: TopologyDeclarer;
  private readonly restorer: QueueRestorer;
  private readonly sender: EnvelopeSender;
  private readonly rates = new RateCounter();
  private readonly leases: Leases;
  private readonly settlement: Settlement;
  private readonly publishing: Publishing;
  private readonly claims: PullClaims;
  private readonly operations: QueueOperations;
  private readonly statistics: QueueStatistics;
  private readonly watcher: CommitWatcher;
  private readonly settles: DeliverySettles;
  private readonly relay: OutboxRelay;
  private readonly consumers = new Set<AmqpQueueConsumer>();
  private readonly rateTimer: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly options: RabbitmqBrokerOptions) {
    super();
    this.sql = options.sql;
    this.logger = options.logger.child({ component: 'broker', broker: 'rabbitmq' });
    this.names = new AmqpNames(options.namePrefix ?? '');
    this.connection = new AmqpConnection(options.url, this.logger, `interflow:${process.pid}`, options.heartbeatSeconds);
    this.topology = new TopologyCache(this.sql);
    this.declarer = new TopologyDeclarer(this.connection, this.names, options.declarationSettleMs ?? DEFAULT_DECLARATION_SETTLE_MS);
    this.restorer = new QueueRestorer(this.sql, this.declarer, this.logger);
    this.sender = new EnvelopeSender(this.connection, this.names, this.logger, {
      recordDelayQueue: (queue, delayMs) => store.recordDelayQueue(this.sql, queue, delayMs),
      restoreQueue: (queue) => this.restorer.restore(queue),
      settle: () => this.declarer.settle(),
    });
    this.settlement = new Settlement(this.sql, this.sender, this.topology, this.rates, this.logger, options.random ?? Math.random);
    this.leases = new Leases((held) => void this.settles.lapse(held));
    this.publishing = new Publishing(this.sql, this.topology, { plain: new MessageIds('plain'), tracked: new MessageIds('tracked') }, this.sender, this.rates);
    this.claims = new PullClaims({
      connection: this.connection,
      names: this.names,
      topology: this.topology,
      leases: this.leases,
      arrive: (queue, channel, message) => this.arrive(queue, channel, message),
      leaseMsFor: (envelope, leaseMs) => leaseMsFor(this.topology, envelope, leaseMs),
    });
    this.operations = new QueueOperations(this.sql, this.connection, this.names, this.sender, (name) => this.queueOfAmqpName(name));
    this.statistics = new QueueStatistics(this.sql, this.operations, this.rates, this.leases, this.consumers);
    this.watcher = new CommitWatcher(this.sql, this.logger);
    this.settles = new DeliverySettles(this.leases, this.settlement, this.watcher, this.logger);
    this.relay = new OutboxRelay(this.sql, this.sender, this.logger, {
      sweepIntervalMs: options.outboxSweepIntervalMs ?? 1000,
      sweepAgeMs: options.outboxSweepAgeMs ?? 2000,
      crashAt: options.outboxRelayCrashAt,
    });
    this.relay.start();
    this.rateTimer = setInterval(() => void this.rates.flush(this.sql).catch(() => undefined), 5000);
    this.rateTimer.unref();
  }

  // ---- publishing ----

  async publish(publication: Publication): Promise<PublishReceipt> {
    this.assertOpen();
    const [receipt] = await this.publishing.publish([publication], false);
    return receipt!;
  }

  async publishBatch(publications: Publication[]): Promise<PublishReceipt[]> {
    this.assertOpen();
    if (!Array.isArray(publications)) throw new ValidationError('publications must be an array', [{ field: 'publications', message: 'must be an array' }]);
    if (publications.length === 0) return [];
    return this.publishing.publish(publications, true);
  }

  /**
   * Writes the messages to the outbox in the caller's transaction: they exist once it
   * commits and never if it rolls back. The relay sends them right after the commit (or,
   * should this process die first, the next sweep of any process does).
   */
  async publishWithin(tx: TransactionSql, publications: Publication[], _options?: PublishWithinOptions): Promise<PublishReceipt[]> {
    this.assertOpen();
    if (publications.length === 0) return [];
    const { receipts, outboxIds } = await this.publishing.publishWithin(tx, publications);
    if (outboxIds.length > 0) {
      const xid = await this.watcher.transactionId(tx);
      void this.watcher.outcome(xid).then((outcome) => (outcome === 'committed' ? this.relay.relay(outboxIds) : 0)).catch((error: unknown) =>
        this.logger.warn('relaying committed outbox rows failed; the sweep will send them', { error }),
      );
    }
    return receipts;
  }

  /** Nothing to do: the relay starts when the transaction's commit is seen, whichever `wake` publishWithin was given. */
  announceCommitted(_receipts: PublishReceipt[]): void {}

  /** Relays outbox rows older than the sweep age now (the sweep does this every second). */
  sweepOutbox(): Promise<number> {
    return this.relay.sweep();
  }

  // ---- claiming and settling ----

  claim(queue: string, options: ClaimOptions): Promise<Delivery[]> {
    return this.claims.claim(queue, options);
  }

  ack(refs: DeliveryRef[]): Promise<void> {
    return this.settles.ack(refs);
  }
  nack(ref: DeliveryRef, options: NackOptions = {}): Promise<void> {
    return this.settles.nack(ref, options);
  }
  reject(ref: DeliveryRef, reason: string): Promise<void> {
    return this.settles.reject(ref, reason);
  }
  /**
   * RabbitMQ cannot join the caller's PostgreSQL transaction: the ack is made once the
   * transaction committed (nothing when it rolls back; the lease is kept meanwhile). A
   * crash between the commit and the ack delivers the message again: at-least-once.
   */
  ackWithin(tx: TransactionSql, ref: DeliveryRef): Promise<void> {
    return this.settles.ackWithin(tx, ref);
  }
  nackWithin(tx: TransactionSql, ref: DeliveryRef, options: NackOptions = {}): Promise<void> {
    return this.settles.nackWithin(tx, ref, options);
  }
  rejectWithin(tx: TransactionSql, ref: DeliveryRef, reason: string): Promise<void> {
    return this.settles.rejectWithin(tx, ref, reason);
  }
  extendLease(ref: DeliveryRef, ms: number): Promise<Date> {
    return this.settles.extendLease(ref, ms);
  }

  // ---- consuming ----

  consume<Payload = unknown>(queue: string, handler: DeliveryHandler<Payload>, options: ConsumeOptions = {}): Consumer {
    this.assertOpen();
    const settings = consumerSettings(options, `consumer-${process.pid}`);
    const consumer = new AmqpQueueConsumer(
      {
        connection: this.connection,
        names: this.names,
        leases: this.leases,
        settler: this.settles,
        sql: this.sql,
        logger: this.logger,
        arrive: (name, channel, message) => this.arrive(name, channel, message),
        queueOfAmqpName: (name) => this.queueOfAmqpName(name),
        restoreQueue: (queue) => this.restorer.restore(queue),
        leaseMsFor: (envelope, leaseMs) => leaseMsFor(this.topology, envelope, leaseMs),
        pendingSettles: (channel) => this.settles.pendingOn(channel),
        heartbeatIntervalMs: this.options.heartbeatIntervalMs ?? 5000,
      },
      queue,
      handler as DeliveryHandler,
      settings,
    );
    this.consumers.add(consumer);
    consumer.start();
    return consumer;
  }

  listConsumers(filter: { queue?: string } = {}): Promise<RegisteredConsumer[]> {
    return listConsumers(this.sql, filter);
  }

  // ---- operations and observation ----

  async purgeQueue(name: string): Promise<number> {
    await this.operations.requireQueue(name);
    return this.operations.purge(name);
  }

  queueStats(name: string): Promise<QueueStats> {
    return this.statistics.queueStats(name);
  }

  /** Every declared queue's gauges: a passive declare per queue and delay queue, the head peeked for its age. */
  queueGauges(): Promise<QueueGauge[]> {
    return this.statistics.queueGauges();
  }

  async redrive(deadLetterQueue: string, options: { max?: number; messageIds?: string[] } = {}): Promise<number> {
    await this.operations.requireQueue(deadLetterQueue);
    const max = options.max ?? 1000;
    if (!Number.isInteger(max) || max < 1) throw new ValidationError('max must be a positive integer', [{ field: 'max', message: 'must be a positive integer' }]);
    return this.operations.redrive(deadLetterQueue, max, options.messageIds ?? null);
  }

  /** Ready messages in delivery order (priority, then age), without holding them; a peeked delivery has an empty token. */
  async peek(queue: string, options: { limit?: number } = {}): Promise<Delivery[]> {
    await this.operations.requireQueue(queue);
    return this.operations.peek(queue, options.limit ?? 10);
  }

  /**
   * Which of these messages are unfinished (ready, delayed or held, not dead-lettered).
   * Only messages published within a transaction are tracked; others answer finished.
   */
  unsettledMessageIds(messageIds: string[], tx?: TransactionSql): Promise<Set<string>> {
    return unsettledTracked(tx ?? this.sql, messageIds);
  }

  /** Which of these (tracked) messages were dead-lettered, with their last death. */
  deadLetteredMessages(messageIds: string[]): Promise<Map<string, DeathRecord | null>> {
    return deadTracked(this.sql, messageIds);
  }

  /** This broker's half of the broker move: messages in and out with everything they carry. */
  messageMove(): RabbitmqMessageMove {
    return new RabbitmqMessageMove({ sql: this.sql, connection: this.connection, names: this.names, sender: this.sender, queueOfAmqpName: (name) => this.queueOfAmqpName(name) });
  }

  /** Where each message is, from the tracked-messages ledger (decisions 38 and 46): plain publishes' ids answer `waiting`. */
  locateMessages(messageIds: string[]): Promise<Map<string, MessageWhereabouts>> {
    return locateTracked(this.sql, messageIds);
  }

  housekeep(options: HousekeepingOptions): Promise<HousekeepingCounts> {
    return housekeep(this.sql, options);
  }

  /**
   * Deletes, on RabbitMQ, every queue (with its delay queues) and exchange the record
   * names, and the dead-letter exchange; the record stays. For tests, and for leaving
   * RabbitMQ after moving back to the PostgreSQL broker.
   */
  async removeAmqpTopology(): Promise<void> {
    const queues = await store.listQueues(this.sql);
    const delays = await store.listDelayQueues(this.sql);
    await this.declarer.removeAll(
      queues.map((queue) => queue.name),
      delays,
      (await store.listExchanges(this.sql)).map((exchange) => exchange.name),
    );
  }

  readiness(): 'ok' | string {
    if (this.closed) return 'the broker is closed';
    return this.connection.connected ? 'ok' : 'no connection to RabbitMQ (connecting)';
  }

  /** Stops consumers (gracefully), waits for settles after commits, closes the connection. Leaves `sql` open. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.consumers].map((consumer) => consumer.stop()));
    await this.settles.allPending();
    this.relay.close();
    this.watcher.close();
    this.leases.close();
    clearInterval(this.rateTimer);
    await this.rates.flush(this.sql).catch(() => undefined);
    await this.sender.close();
    await this.connection.close();
  }

  private arrive(queue: string, channel: amqp.Channel, message: amqp.Message): Promise<Envelope | null> {
    return arrive({ sql: this.sql, names: this.names, settlement: this.settlement, sender: this.sender, queueOfAmqpName: (name) => this.queueOfAmqpName(name) }, queue, channel, message);
  }

  private queueOfAmqpName(amqpName: string): string {
    return amqpName.startsWith(this.names.prefix) ? amqpName.slice(this.names.prefix.length) : amqpName;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the broker is closed');
  }
}
