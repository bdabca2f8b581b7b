import { systemClock, type Clock, type Sql, NotFoundError, ValidationError, type Logger } from '@interflow/core';
import {
  type Broker,
  type ClaimOptions,
  type Consumer,
  type ConsumeOptions,
  type Delivery,
  type DeliveryHandler,
  type DeliveryRef,
  type NackOptions,
  type Publication,
  type PublishReceipt,
  type PublishWithinOptions,
  type QueueStats,
  publicationRow,
  type TransactionSql,
  type ConsumerInfo,
  type HousekeepingCounts,
  type HousekeepingOptions,
  type MessageWhereabouts,
  type QueueGauge,
} from '@interflow/broker';
import { claimMessages } from './claim-sql';
import { QueueConsumer } from './consumer';
import type { ConsumerBackend } from './consumer-backend';
import { listConsumers } from './consumer-registry';
import { DeliverySettlement } from './delivery-settlement';
import { housekeepOnce } from './housekeeping';
import { locateMessages } from './locate-messages-sql';
import { postgresConsumerBackend } from './postgres-consumer-backend';
import { readQueueGauges } from './queue-gauges-sql';
import { Publishing } from './publishing';
import { PostgresTopology } from './postgres-topology';
import { peekMessages, purgeMessages, redriveMessages } from './queue-contents-sql';
import { RateCounter } from './rate-counter';
import { RemoteConsumerCache } from './remote-consumer-cache';
import { queueStatistics } from './stats-sql';
import { WakeUp } from './wake-up';
import { tracedPublish } from './publish-tracing';

export interface PostgresBrokerOptions {
  /** Pool with `search_path` set to `schema` (createSqlClient). Size it for publishers + consumers: 8–20. */
  sql: Sql;
  logger: Logger;
  /** The schema the tables live in: names the LISTEN/NOTIFY channel. */
  schema: string;
  clock?: Clock;
  /** Group commit: publish statements in flight at once (default 2: one executes while the other's commit is flushed). */
  publishConcurrency?: number;
  /** Group commit: publications per batch at most (default 500). */
  publishBatchLimit?: number;
  /** Consumers claim again after this long without a wake-up (default 1000 ms). */
  pollIntervalMs?: number;
  /** Consumer registry heartbeat (default 5000 ms). */
  heartbeatIntervalMs?: number;
  /** Rate buckets are written this often (default 5000 ms). */
  rateFlushIntervalMs?: number;
  /** Random source of the retry jitter (tests pin it). */
  random?: () => number;
}

/**
 * The PostgreSQL broker: `new PostgresBroker({ sql, logger, schema })`. One instance per
 * process is enough and best: it group-commits concurrent `publish()` calls (they share
 * one statement and one commit, each resolving after that commit), wakes its own
 * consumers directly (or, when one waits on an empty queue, claims for it in the publish
 * statement itself: local-delivery.ts) and shares one LISTEN connection; each consumer
 * sends its acks together with its next claim. `close()` stops its consumers and timers; the caller
 * closes `sql`.
 *
 * For throughput: a pool of publishers + 4 connections (each consumer uses up to two at
 * once, group commit two); publish many at once with `publishBatch` (1,000 a batch, two
 * batches in flight); consume with `concurrency` 16 and a `prefetch` of 64–256 when the
 * queue has a backlog to drain (smaller keeps fewer messages leased ahead).
 */
export class PostgresBroker extends PostgresTopology implements Broker {
  private readonly logger: Logger;
  private readonly clock: Clock;
  private readonly wakeUp: WakeUp;
  private readonly rates = new RateCounter();
  private readonly publishing: Publishing;
  private readonly consumers = new Set<QueueConsumer>();
  private readonly rateTimer: NodeJS.Timeout;
  private readonly settlement: DeliverySettlement;
  private readonly consumerBackend: ConsumerBackend;
  private closed = false;

  constructor(private readonly options: PostgresBrokerOptions) {
    super(options.sql);
    this.logger = options.logger.child({ component: 'broker' });
    this.clock = options.clock ?? systemClock;
    const remoteConsumers = new RemoteConsumerCache(this.sql, () => [...this.consumers].map((consumer) => consumer.id));
    this.wakeUp = new WakeUp(this.sql, options.schema, this.logger, (queue) => remoteConsumers.hasRemoteConsumers(queue));
    this.publishing = new Publishing(
      this.sql,
      this.wakeUp,
      this.rates,
      { maxInFlight: options.publishConcurrency ?? 2, maxBatch: options.publishBatchLimit ?? 500 },
      (queue) => this.localConsumersOf(queue),
    );
    this.rateTimer = setInterval(() => void this.flushRates(), options.rateFlushIntervalMs ?? 5000);
    this.rateTimer.unref();
    this.settlement = new DeliverySettlement({ sql: this.sql, wakeUp: this.wakeUp, rates: this.rates, logger: this.logger, random: options.random ?? Math.random });
    this.consumerBackend = postgresConsumerBackend({
      sql: this.sql,
      wakeUp: this.wakeUp,
      rates: this.rates,
      settle: this,
      deregistered: (id) => {
        for (const consumer of this.consumers) if (consumer.id === id) this.consumers.delete(consumer);
      },
    });
  }

  // ---- publishing ----

  /** Resolves once committed; concurrent calls share a statement and a commit (group commit). */
  async publish(publication: Publication): Promise<PublishReceipt> {
    this.assertOpen();
    return tracedPublish([publication], ([traced]) => this.publishing.publish(publicationRow(traced!, 0)));
  }

  async publishBatch(publications: Publication[]): Promise<PublishReceipt[]> {
    this.assertOpen();
    if (!Array.isArray(publications)) throw new ValidationError('publications must be an array', [{ field: 'publications', message: 'must be an array' }]);
    if (publications.length === 0) return [];
    return tracedPublish(publications, (traced) =>
      this.publishing.publishBatch(traced.map((publication, index) => publicationRow(publication, index, index))),
    );
  }

  /**
   * Publishes inside the caller's transaction (`sql.begin(tx => broker.publishWithin(tx, [...]))`):
   * the messages commit or roll back with the caller's own rows. Consumers are woken by
   * a NOTIFY that PostgreSQL delivers at commit (nothing is announced for a rollback), or
   * with `wake: 'caller'` by `announceCommitted` after it.
   */
  async publishWithin(tx: TransactionSql, publications: Publication[], options: PublishWithinOptions = {}): Promise<PublishReceipt[]> {
    this.assertOpen();
    if (publications.length === 0) return [];
    return tracedPublish(publications, (traced) =>
      this.publishing.publishWithin(
        tx,
        traced.map((publication, index) => publicationRow(publication, index, index)),
        options.wake ?? 'commit',
      ),
    );
  }

  /** Wakes this instance's consumers at once and notifies the others outside any transaction (coalesced, see WakeUp). */
  announceCommitted(receipts: PublishReceipt[]): void {
    this.publishing.announceCommitted(receipts);
  }

  // ---- consuming ----

  async claim(queue: string, options: ClaimOptions): Promise<Delivery[]> {
    if (!Number.isInteger(options.max) || options.max < 1) throw new ValidationError('max must be a positive integer', [{ field: 'max', message: 'must be a positive integer' }]);
    return claimMessages(this.sql, { queue, max: options.max, leaseMs: options.leaseMs ?? null, consumerId: options.consumerId ?? null, handedOver: true });
  }

  /** Acks in one statement; throws StaleDeliveryError naming the first ref whose lease was lost (the others are acked). */
  ack(refs: DeliveryRef[]): Promise<void> {
    return this.settlement.ack(refs);
  }

  /**
   * Back to the queue after `delayMs` (default: the queue's retry backoff for this
   * attempt); to the dead-letter queue (reason `max_attempts`) when this was the last
   * attempt and it counts.
   */
  nack(ref: DeliveryRef, options: NackOptions = {}): Promise<void> {
    return this.settlement.nack(this.sql, ref, options);
  }

  /** Straight to the dead-letter queue with the reason (x-death record `rejected`), or dropped when there is none. */
  reject(ref: DeliveryRef, reason: string): Promise<void> {
    return this.settlement.reject(this.sql, ref, reason);
  }

  /** `ack` inside the caller's transaction: the message is gone only if the transaction commits. */
  ackWithin(tx: TransactionSql, ref: DeliveryRef): Promise<void> {
    return this.settlement.ackWithin(tx, ref);
  }

  /** `nack` inside the caller's transaction. */
  nackWithin(tx: TransactionSql, ref: DeliveryRef, options: NackOptions = {}): Promise<void> {
    return this.settlement.nack(tx, ref, options);
  }

  /** `reject` inside the caller's transaction. */
  rejectWithin(tx: TransactionSql, ref: DeliveryRef, reason: string): Promise<void> {
    return this.settlement.reject(tx, ref, reason);
  }

  extendLease(ref: DeliveryRef, ms: number): Promise<Date> {
    return this.settlement.extendLease(ref, ms);
  }

  consume<Payload = unknown>(queue: string, handler: DeliveryHandler<Payload>, options: ConsumeOptions = {}): Consumer {
    this.assertOpen();
    const concurrency = options.concurrency ?? 1;
    const prefetch = options.prefetch ?? concurrency;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new ValidationError('concurrency must be a positive integer', [{ field: 'concurrency', message: 'must be a positive integer' }]);
    if (!Number.isInteger(prefetch) || prefetch < 0) throw new ValidationError('prefetch must be a non-negative integer', [{ field: 'prefetch', message: 'must be a non-negative integer' }]);
    const consumer = new QueueConsumer(
      this.consumerBackend,
      queue,
      handler as DeliveryHandler,
      { concurrency, prefetch, leaseMs: options.leaseMs ?? null, consumerName: options.consumerName ?? `consumer-${process.pid}` },
      { pollIntervalMs: this.options.pollIntervalMs ?? 1000, heartbeatIntervalMs: this.options.heartbeatIntervalMs ?? 5000 },
      this.clock,
      this.logger,
    );
    this.consumers.add(consumer);
    consumer.start();
    return consumer;
  }

  // ---- operations ----

  async purgeQueue(name: string): Promise<number> {
    await this.requireQueue(name);
    return purgeMessages(this.sql, name);
  }

  async queueStats(name: string): Promise<QueueStats> {
    await this.flushRates();
    const stats = await queueStatistics(this.sql, name);
    if (!stats) throw new NotFoundError('queue', name);
    return stats;
  }

  async redrive(deadLetterQueue: string, options: { max?: number; messageIds?: string[] } = {}): Promise<number> {
    await this.requireQueue(deadLetterQueue);
    const max = options.max ?? 1000;
    if (!Number.isInteger(max) || max < 1) throw new ValidationError('max must be a positive integer', [{ field: 'max', message: 'must be a positive integer' }]);
    const moved = await redriveMessages(this.sql, deadLetterQueue, max, options.messageIds ?? null);
    if (moved.length > 0) this.wakeUp.announce(new Set(moved.map((row) => row.queue)));
    return moved.length;
  }

  /** Unleased messages in claim order (ready before delayed); a peeked delivery has an empty token. */
  async peek(queue: string, options: { limit?: number } = {}): Promise<Delivery[]> {
    await this.requireQueue(queue);
    const limit = options.limit ?? 10;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new ValidationError('limit must be an integer from 1 to 1000', [{ field: 'limit', message: 'must be an integer from 1 to 1000' }]);
    return peekMessages(this.sql, queue, limit);
  }

  /** The consumer registry: who listens on which queue (heartbeat at most a few seconds old while alive). */
  listConsumers(filter: { queue?: string } = {}): Promise<ConsumerInfo[]> {
    return listConsumers(this.sql, filter);
  }

  locateMessages(messageIds: string[]): Promise<Map<string, MessageWhereabouts>> {
    return locateMessages(this.sql, messageIds);
  }

  queueGauges(): Promise<QueueGauge[]> {
    return readQueueGauges(this.sql);
  }

  housekeep(options: HousekeepingOptions): Promise<HousekeepingCounts> {
    return housekeepOnce(this.sql, options);
  }

  /** 'ok': the queue lives in the daemon's database, which its readiness checks first. */
  readiness(): 'ok' | string {
    return 'ok';
  }

  /** Stops every consumer (gracefully), flushes acks and rate counts, closes LISTEN. Leaves `sql` open. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.consumers].map((consumer) => consumer.stop()));
    await this.publishing.drain();
    clearInterval(this.rateTimer);
    await this.flushRates();
    await this.wakeUp.close();
  }

  private async flushRates(): Promise<void> {
    await this.rates.flush(this.sql).catch((error: unknown) => this.logger.debug('writing rate counts failed', { error }));
  }

  private async requireQueue(name: string): Promise<void> {
    const [found] = await this.sql`select 1 from mq_queues where name = ${name}`;
    if (!found) throw new NotFoundError('queue', name);
  }

  private *localConsumersOf(queue: string): Iterable<QueueConsumer> {
    for (const consumer of this.consumers) if (consumer.queue === queue) yield consumer;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the broker is closed');
  }
}
