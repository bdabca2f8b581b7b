import { systemClock, type Clock, type Sql, NotFoundError, ValidationError, type Logger, type SqlExecutor } from '@interflow/core';
import * as bindings from './binding-store';
import {
  type Binding,
  type BindingDeclaration,
  type Broker,
  type ClaimOptions,
  type Consumer,
  type ConsumeOptions,
  type Delivery,
  type DeliveryHandler,
  type DeliveryRef,
  type Exchange,
  type ExchangeDeclaration,
  type NackOptions,
  type Publication,
  type PublishReceipt,
  type Queue,
  type QueueDeclaration,
  type QueueStats,
  StaleDeliveryError,
  publicationRow,
  retryDelayMs,
  type TransactionSql,
  type ConsumerInfo,
  type HousekeepingCounts,
  type HousekeepingOptions,
  type MessageWhereabouts,
  type QueueGauge,
} from '@interflow/broker';
import { claimMessages, settleAndClaim, type ConsumerStatement, type ConsumerStatementResult } from './claim-sql';
import { QueueConsumer } from './consumer';
import type { ConsumerBackend, ConsumerRegistration } from './consumer-backend';
import {
  deregisterConsumer,
  heartbeatConsumers,
  listConsumers,
  registerConsumer,
} from './consumer-registry';
import { deadLetter } from './dead-letter-sql';
import { housekeepOnce } from './housekeeping';
import { locateMessages } from './locate-messages-sql';
import { readQueueGauges } from './queue-gauges-sql';
import * as exchanges from './exchange-store';
import { Publishing } from './publishing';
import { peekMessages, purgeMessages, redriveMessages } from './queue-contents-sql';
import * as queues from './queue-store';
import { RateCounter } from './rate-counter';
import { RemoteConsumerCache } from './remote-consumer-cache';
import {
  ackMessages,
  ackWithin,
  extendLeaseOf,
  extendLeases,
  isWellFormedRef,
  leasedMessage,
  releaseMessages,
  requeueMessage,
} from './settle-sql';
import { queueStatistics } from './stats-sql';
import { WakeUp } from './wake-up';
import { tracedPublish } from './publish-tracing';
import { policyFromRow } from './queue-row';

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
 * consumers directly and shares one LISTEN connection; each consumer sends its acks
 * together with its next claim. `close()` stops its consumers and timers; the caller
 * closes `sql`.
 *
 * For throughput: a pool of publishers + 4 connections (each consumer uses up to two at
 * once, group commit two); publish many at once with `publishBatch` (1,000 a batch, two
 * batches in flight); consume with `concurrency` 16 and a `prefetch` of 64–256 when the
 * queue has a backlog to drain (smaller keeps fewer messages leased ahead).
 */
export class PostgresBroker implements Broker {
  private readonly sql: Sql;
  private readonly logger: Logger;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly wakeUp: WakeUp;
  private readonly rates = new RateCounter();
  private readonly publishing: Publishing;
  private readonly consumers = new Set<QueueConsumer>();
  private readonly rateTimer: NodeJS.Timeout;
  private readonly consumerBackend: ConsumerBackend;
  private closed = false;

  constructor(private readonly options: PostgresBrokerOptions) {
    this.sql = options.sql;
    this.logger = options.logger.child({ component: 'broker' });
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    const remoteConsumers = new RemoteConsumerCache(this.sql, () => [...this.consumers].map((consumer) => consumer.id));
    this.wakeUp = new WakeUp(this.sql, options.schema, this.logger, (queue) => remoteConsumers.hasRemoteConsumers(queue));
    this.publishing = new Publishing(this.sql, this.wakeUp, this.rates, {
      maxInFlight: options.publishConcurrency ?? 2,
      maxBatch: options.publishBatchLimit ?? 500,
    });
    this.rateTimer = setInterval(() => void this.flushRates(), options.rateFlushIntervalMs ?? 5000);
    this.rateTimer.unref();
    this.consumerBackend = this.buildConsumerBackend();
  }

  // ---- topology ----

  declareExchange(declaration: ExchangeDeclaration): Promise<Exchange> {
    return exchanges.declareExchange(this.sql, declaration);
  }
  deleteExchange(name: string): Promise<void> {
    return exchanges.deleteExchange(this.sql, name);
  }
  getExchange(name: string): Promise<Exchange | null> {
    return exchanges.getExchange(this.sql, name);
  }
  listExchanges(): Promise<Exchange[]> {
    return exchanges.listExchanges(this.sql);
  }
  declareQueue(declaration: QueueDeclaration): Promise<Queue> {
    return queues.declareQueue(this.sql, declaration);
  }
  deleteQueue(name: string): Promise<void> {
    return queues.deleteQueue(this.sql, name);
  }
  getQueue(name: string): Promise<Queue | null> {
    return queues.getQueue(this.sql, name);
  }
  listQueues(): Promise<Queue[]> {
    return queues.listQueues(this.sql);
  }
  bind(declaration: BindingDeclaration): Promise<Binding> {
    return bindings.bind(this.sql, declaration);
  }
  unbind(bindingId: string): Promise<void> {
    return bindings.unbind(this.sql, bindingId);
  }
  listBindings(filter?: { exchange?: string; queue?: string }): Promise<Binding[]> {
    return bindings.listBindings(this.sql, filter);
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
   * a NOTIFY that PostgreSQL delivers at commit (nothing is announced for a rollback).
   */
  async publishWithin(tx: TransactionSql, publications: Publication[]): Promise<PublishReceipt[]> {
    this.assertOpen();
    if (publications.length === 0) return [];
    return tracedPublish(publications, (traced) =>
      this.publishing.publishWithin(tx, traced.map((publication, index) => publicationRow(publication, index, index))),
    );
  }

  // ---- consuming ----

  async claim(queue: string, options: ClaimOptions): Promise<Delivery[]> {
    if (!Number.isInteger(options.max) || options.max < 1) throw new ValidationError('max must be a positive integer', [{ field: 'max', message: 'must be a positive integer' }]);
    return claimMessages(this.sql, { queue, max: options.max, leaseMs: options.leaseMs ?? null, consumerId: options.consumerId ?? null, handedOver: true });
  }

  /** Acks in one statement; throws StaleDeliveryError naming the first ref whose lease was lost (the others are acked). */
  async ack(refs: DeliveryRef[]): Promise<void> {
    const wellFormed = refs.filter(isWellFormedRef);
    const acked = wellFormed.length > 0 ? await ackMessages(this.sql, wellFormed) : [];
    for (const row of acked) this.rates.countAcked(row.queue);
    const ackedIds = new Set(acked.map((row) => row.id));
    const stale = refs.find((ref) => !ackedIds.has(ref.messageId));
    if (stale) throw new StaleDeliveryError(stale.messageId);
  }

  /**
   * Back to the queue after `delayMs` (default: the queue's retry backoff for this
   * attempt); to the dead-letter queue (reason `max_attempts`) when this was the last
   * attempt and it counts.
   */
  nack(ref: DeliveryRef, options: NackOptions = {}): Promise<void> {
    return this.nackOn(this.sql, ref, options);
  }

  /** Straight to the dead-letter queue with the reason (x-death record `rejected`), or dropped when there is none. */
  reject(ref: DeliveryRef, reason: string): Promise<void> {
    return this.rejectOn(this.sql, ref, reason);
  }

  /** `ack` inside the caller's transaction: the message is gone only if the transaction commits. */
  async ackWithin(tx: TransactionSql, ref: DeliveryRef): Promise<void> {
    const acked = isWellFormedRef(ref) ? await ackWithin(tx, ref) : null;
    if (!acked) throw new StaleDeliveryError(ref.messageId);
    this.rates.countAcked(acked.queue);
  }

  /** `nack` inside the caller's transaction. */
  nackWithin(tx: TransactionSql, ref: DeliveryRef, options: NackOptions = {}): Promise<void> {
    return this.nackOn(tx, ref, options);
  }

  /** `reject` inside the caller's transaction. */
  rejectWithin(tx: TransactionSql, ref: DeliveryRef, reason: string): Promise<void> {
    return this.rejectOn(tx, ref, reason);
  }

  private async nackOn(sql: SqlExecutor, ref: DeliveryRef, options: NackOptions): Promise<void> {
    if (!isWellFormedRef(ref)) throw new StaleDeliveryError(ref.messageId);
    if (options.delayMs !== undefined && (!Number.isInteger(options.delayMs) || options.delayMs < 0)) {
      throw new ValidationError('delayMs must be a non-negative integer', [{ field: 'delayMs', message: 'must be a non-negative integer' }]);
    }
    const leased = await leasedMessage(sql, ref.messageId, ref.deliveryToken);
    if (!leased) throw new StaleDeliveryError(ref.messageId);
    const countAttempt = options.countAttempt !== false;
    const policy = policyFromRow(leased);
    if (countAttempt && leased.attempts >= policy.maxAttempts) {
      const detail = `failed ${leased.attempts} of ${policy.maxAttempts} attempts${options.reason ? `: ${options.reason}` : ''}`;
      const moved = await deadLetter(sql, [{ id: ref.messageId, token: ref.deliveryToken }], 'max_attempts', detail);
      if (moved.length === 0) throw new StaleDeliveryError(ref.messageId);
      this.announceDeadLetters(moved);
      return;
    }
    const delayMs = options.delayMs ?? retryDelayMs(policy.retryBackoff, leased.attempts, this.random);
    const requeued = await requeueMessage(sql, ref.messageId, ref.deliveryToken, delayMs, countAttempt);
    if (!requeued) throw new StaleDeliveryError(ref.messageId);
    if (delayMs === 0) this.wakeUp.announce([leased.queue]);
  }

  private async rejectOn(sql: SqlExecutor, ref: DeliveryRef, reason: string): Promise<void> {
    if (!isWellFormedRef(ref)) throw new StaleDeliveryError(ref.messageId);
    const moved = await deadLetter(sql, [{ id: ref.messageId, token: ref.deliveryToken }], 'rejected', String(reason));
    if (moved.length === 0) throw new StaleDeliveryError(ref.messageId);
    this.announceDeadLetters(moved);
  }

  async extendLease(ref: DeliveryRef, ms: number): Promise<Date> {
    if (!Number.isInteger(ms) || ms < 1) throw new ValidationError('ms must be a positive integer', [{ field: 'ms', message: 'must be a positive integer' }]);
    if (!isWellFormedRef(ref)) throw new StaleDeliveryError(ref.messageId);
    const until = await extendLeaseOf(this.sql, ref.messageId, ref.deliveryToken, ms);
    if (!until) throw new StaleDeliveryError(ref.messageId);
    return until;
  }

  private announceDeadLetters(moved: { id: string; queue: string; deadLetterQueue: string | null }[]): void {
    for (const message of moved) {
      if (message.deadLetterQueue) this.wakeUp.announce([message.deadLetterQueue]);
      else this.logger.warn('message dropped: its queue has no dead-letter queue', { messageId: message.id, queue: message.queue });
    }
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

  private buildConsumerBackend(): ConsumerBackend {
    return {
      settleAndClaim: (queue, statement) => this.settleAndClaimFor(queue, statement),
      nack: (ref, options) => this.nack(ref, options),
      reject: (ref, reason) => this.reject(ref, reason),
      ackWithin: (tx, ref) => this.ackWithin(tx, ref),
      nackWithin: (tx, ref, options) => this.nackWithin(tx, ref, options),
      rejectWithin: (tx, ref, reason) => this.rejectWithin(tx, ref, reason),
      extendLease: (ref, ms) => this.extendLease(ref, ms),
      keepLeases: (refs, leaseMs) => extendLeases(this.sql, refs.filter(isWellFormedRef), leaseMs),
      release: async (queue, refs) => {
        if ((await releaseMessages(this.sql, refs.filter(isWellFormedRef))) > 0) this.wakeUp.announce([queue]);
      },
      subscribe: (queue, listener) => this.wakeUp.subscribe(queue, listener),
      register: (consumer: ConsumerRegistration) => registerConsumer(this.sql, consumer),
      heartbeat: (consumer: ConsumerRegistration) => heartbeatConsumers(this.sql, [consumer]),
      deregister: async (id) => {
        await deregisterConsumer(this.sql, id);
        for (const consumer of this.consumers) if (consumer.id === id) this.consumers.delete(consumer);
      },
    };
  }

  private async settleAndClaimFor(queue: string, statement: ConsumerStatement): Promise<ConsumerStatementResult> {
    const acks = statement.acks.filter(isWellFormedRef);
    const handOvers = statement.handOvers.filter(isWellFormedRef);
    let outcome: ConsumerStatementResult;
    if (handOvers.length > 0 || (statement.claim && acks.length > 0)) {
      outcome = await settleAndClaim(this.sql, { acks, handOvers, claim: statement.claim });
    } else if (statement.claim) {
      outcome = { ackedIds: new Set(), handedOver: new Map(), deliveries: await claimMessages(this.sql, statement.claim) };
    } else if (acks.length > 0) {
      outcome = { ackedIds: new Set((await ackMessages(this.sql, acks)).map((row) => row.id)), handedOver: new Map(), deliveries: [] };
    } else {
      outcome = { ackedIds: new Set(), handedOver: new Map(), deliveries: [] };
    }
    if (outcome.ackedIds.size > 0) this.rates.countAcked(queue, outcome.ackedIds.size);
    return outcome;
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

  private assertOpen(): void {
    if (this.closed) throw new Error('the broker is closed');
  }
}
