/**
 * The broker contract: RabbitMQ (AMQP 0-9-1) semantics that the PostgreSQL broker
 * implements and an AMQP broker can implement unchanged. Everything that publishes or
 * consumes (api, producer, runner) talks to this interface only.
 */
import type { ConsumerInfo, HousekeepingCounts, HousekeepingOptions, MessageWhereabouts, QueueGauge } from './observation';
import type { TransactionSql } from './sql-types';

export type ExchangeType = 'direct' | 'fanout' | 'topic' | 'headers';

/** The nameless default exchange: routes a message to the queue named by its routing key. */
export const DEFAULT_EXCHANGE = '';

export type HeaderValue = string | number | boolean;
export type MessageHeaders = Record<string, HeaderValue>;

export interface ExchangeDeclaration {
  name: string;
  type: ExchangeType;
  /** Where messages go that match no binding (RabbitMQ's alternate-exchange). */
  alternateExchange?: string | null;
}

export interface Exchange extends Required<ExchangeDeclaration> {
  createdAt: Date;
}

export interface RetryBackoff {
  /** Delay before the second attempt. */
  initialDelayMs: number;
  /** Each further delay is multiplied by this. */
  multiplier: number;
  /** No delay exceeds this. */
  maxDelayMs: number;
  /** 0..1: each delay is drawn uniformly from [delay*(1-jitter), delay]. */
  jitter: number;
}

/** What happens when a publish would make a queue longer than its max length. */
export type OverflowRule = 'reject_publish' | 'dead_letter_oldest';

export interface QueuePolicy {
  /** Messages not delivered within this are expired (dead-lettered when a DLQ is set). */
  messageTtlMs: number | null;
  /** After this many delivery attempts a nack dead-letters instead of requeueing. */
  maxAttempts: number;
  retryBackoff: RetryBackoff;
  deadLetterQueue: string | null;
  maxLength: number | null;
  overflow: OverflowRule;
  /** Lease length of a delivery unless the message or the claim asks otherwise. */
  ackDeadlineMs: number;
}

export interface QueueDeclaration {
  name: string;
  policy?: Partial<QueuePolicy>;
}

export interface Queue {
  name: string;
  policy: QueuePolicy;
  createdAt: Date;
}

export type HeadersMatch = 'all' | 'any';

export interface BindingDeclaration {
  exchange: string;
  queue: string;
  /** direct: equal to the routing key; topic: a pattern with `*` and `#`; unused otherwise. */
  bindingKey?: string;
  /** headers exchanges: the header set to match. */
  headers?: MessageHeaders;
  headersMatch?: HeadersMatch;
}

export interface Binding {
  id: string;
  exchange: string;
  queue: string;
  bindingKey: string;
  headers: MessageHeaders;
  headersMatch: HeadersMatch;
}

export interface OutgoingMessage {
  /** Any JSON value. */
  payload: unknown;
  headers?: MessageHeaders;
  /** 1 (lowest) to 5 (highest); default 3. */
  priority?: number;
  /** Not visible to consumers before this instant (delay). `delayMs` is the relative form. */
  notBefore?: Date;
  delayMs?: number;
  /** Expires (dead-lettered as `expired`) if not delivered before. `ttlMs` is the relative form. */
  expiresAt?: Date;
  ttlMs?: number;
  /** Lease length for each delivery of this message. */
  ackDeadlineMs?: number;
  /** Queue to which a handler's reply is published (default exchange). */
  replyTo?: string;
  correlationId?: string;
  /** A second publish with a key that is still live in the queue stores nothing. */
  dedupeKey?: string;
  /** Who published (a principal, a schedule, an action). */
  sender?: string;
}

export interface Publication {
  /** Exchange name; DEFAULT_EXCHANGE routes by queue name. */
  exchange: string;
  routingKey: string;
  message: OutgoingMessage;
  /** Fail with UnroutableError instead of dropping when no queue matches. */
  mandatory?: boolean;
}

/** The confirm: what a publish stored, once committed. */
export interface PublishReceipt {
  /** One id per queue the message landed in (an earlier id when deduplicated). */
  messageIds: string[];
  /** The queues, in the same order as messageIds. */
  queues: string[];
}

/** One death of a message, RabbitMQ x-death style. */
export interface DeathRecord {
  queue: string;
  reason: 'rejected' | 'expired' | 'max_attempts' | 'maxlen' | string;
  count: number;
  time: string;
  detail?: string;
}

export interface Delivery<Payload = unknown> {
  messageId: string;
  queue: string;
  payload: Payload;
  headers: MessageHeaders;
  priority: number;
  /** 1 on the first delivery. */
  attempt: number;
  /** Proves this delivery still holds the lease; settling with an old token is refused. */
  deliveryToken: string;
  leaseExpiresAt: Date;
  replyTo: string | null;
  correlationId: string | null;
  sender: string | null;
  publishedAt: Date;
  expiresAt: Date | null;
  deaths: DeathRecord[];
  /**
   * The message's previous lease lapsed unsettled: the consumer that held it died or
   * stalled, maybe because of this very message. A consumer hands such a delivery over
   * alone (no other handler of it running) and counts the attempt before the handler
   * starts, so a message that kills its consumer ends in its dead-letter queue alone.
   */
  recovered: boolean;
}

export interface DeliveryRef {
  messageId: string;
  deliveryToken: string;
}

export interface ClaimOptions {
  max: number;
  leaseMs?: number;
  consumerId?: string;
}

export interface NackOptions {
  /** Delay before redelivery; by default the queue's retry backoff for this attempt. */
  delayMs?: number;
  /** false: the retry does not use up an attempt (rate limited upstream). Default true. */
  countAttempt?: boolean;
  reason?: string;
}

/**
 * What a handler may do with its delivery; if it does nothing and returns, the delivery
 * is acked — unless its lease was lost meanwhile (`signal` aborted): then nothing is
 * settled and the message comes again.
 */
export interface DeliveryControl {
  ack(): Promise<void>;
  nack(options?: NackOptions): Promise<void>;
  reject(reason: string): Promise<void>;
  /**
   * The same settles inside the caller's database transaction (PostgreSQL broker), so
   * that what the handler records and the settle commit together or not at all. A
   * stale or lapsed lease throws StaleDeliveryError, which should roll the transaction back.
   */
  ackWithin(tx: TransactionSql): Promise<void>;
  nackWithin(tx: TransactionSql, options?: NackOptions): Promise<void>;
  rejectWithin(tx: TransactionSql, reason: string): Promise<void>;
  /** Pushes the lease deadline out by `ms` from now; returns the new deadline. */
  extendLease(ms: number): Promise<Date>;
  /** Aborted when the lease was lost or the consumer is force-stopped. */
  signal: AbortSignal;
  /** An explicit settle was made (the consumer will not settle again when the handler returns). */
  readonly settled: boolean;
}

/**
 * Handles one delivery. Returning acks it; throwing a PermanentError rejects it (dead
 * letter), a RateLimitedError nacks it after its retry-after without using an attempt,
 * anything else nacks it with the queue's backoff.
 */
export type DeliveryHandler<Payload = unknown> = (delivery: Delivery<Payload>, control: DeliveryControl) => Promise<void>;

export interface ConsumeOptions {
  /** Handlers running at once. */
  concurrency?: number;
  /** Deliveries claimed ahead of the handlers. */
  prefetch?: number;
  leaseMs?: number;
  /** Shown in the consumer registry. */
  consumerName?: string;
}

export interface Consumer {
  readonly id: string;
  readonly queue: string;
  /** Claims nothing more, waits for in-flight handlers, flushes settlements. */
  stop(): Promise<void>;
}

export interface QueueStats {
  queue: string;
  ready: number;
  delayed: number;
  inFlight: number;
  /** Messages in this queue's dead-letter queue. */
  dead: number;
  /** Rates over the last minute, per second. */
  publishedPerSecond: number;
  ackedPerSecond: number;
}

/**
 * Publishing inside the caller's PostgreSQL transaction: what is published commits or
 * rolls back with what the caller wrote (a run row and its message, a schedule's fire key
 * and its messages). The PostgreSQL broker writes the messages in that very transaction;
 * a broker elsewhere writes them to an outbox in it and relays them after the commit.
 */
export interface TransactionalPublisher {
  publishWithin(tx: TransactionSql, publications: Publication[], options?: PublishWithinOptions): Promise<PublishReceipt[]>;
}

/** How consumers learn of what `publishWithin` wrote. */
export interface PublishWithinOptions {
  /**
   * `'commit'` (the default): the caller's commit wakes them by itself (PostgreSQL: a
   * NOTIFY inside the transaction). `'caller'`: the caller calls `announceCommitted` with
   * the receipts right after its commit. PostgreSQL holds one database-wide lock for
   * notifications from a notifying transaction's commit through its WAL flush, so
   * transactions that NOTIFY commit one at a time; a hot path of many small transactions
   * (the api's triggers) announces afterwards instead. A caller that dies between its
   * commit and the announcement costs latency, never a message: consumers also poll.
   */
  wake?: 'commit' | 'caller';
}

export interface Broker extends TransactionalPublisher {
  declareExchange(declaration: ExchangeDeclaration): Promise<Exchange>;
  deleteExchange(name: string): Promise<void>;
  getExchange(name: string): Promise<Exchange | null>;
  listExchanges(): Promise<Exchange[]>;

  declareQueue(declaration: QueueDeclaration): Promise<Queue>;
  deleteQueue(name: string): Promise<void>;
  getQueue(name: string): Promise<Queue | null>;
  listQueues(): Promise<Queue[]>;
  purgeQueue(name: string): Promise<number>;
  queueStats(name: string): Promise<QueueStats>;

  bind(declaration: BindingDeclaration): Promise<Binding>;
  unbind(bindingId: string): Promise<void>;
  listBindings(filter?: { exchange?: string; queue?: string }): Promise<Binding[]>;

  /** Routes and stores in one transaction; resolves once committed. */
  publish(publication: Publication): Promise<PublishReceipt>;
  /** Many publications in one round trip and one transaction: all or none. */
  publishBatch(publications: Publication[]): Promise<PublishReceipt[]>;
  /**
   * After the commit of a transaction that published with `publishWithin(…, { wake:
   * 'caller' })`: wakes the consumers of those messages (a broker whose commit announces
   * by itself does nothing). Never waits, never throws; never call it after a rollback.
   */
  announceCommitted(receipts: PublishReceipt[]): void;

  claim(queue: string, options: ClaimOptions): Promise<Delivery[]>;
  ack(refs: DeliveryRef[]): Promise<void>;
  nack(ref: DeliveryRef, options?: NackOptions): Promise<void>;
  reject(ref: DeliveryRef, reason: string): Promise<void>;
  extendLease(ref: DeliveryRef, ms: number): Promise<Date>;

  consume<Payload = unknown>(queue: string, handler: DeliveryHandler<Payload>, options?: ConsumeOptions): Consumer;

  /** Moves up to `max` dead-lettered messages of `deadLetterQueue` (only `messageIds`, when given) back to where they died. */
  redrive(deadLetterQueue: string, options?: { max?: number; messageIds?: string[] }): Promise<number>;
  /** Messages at the head of a queue, without claiming them. */
  peek(queue: string, options?: { limit?: number }): Promise<Delivery[]>;
  /** Where each of these messages is (see MessageWhereabouts); unknown ids are absent. */
  locateMessages(messageIds: string[]): Promise<Map<string, MessageWhereabouts>>;

  /** Every declared queue's gauges, empty queues included (one read; callers throttle it). */
  queueGauges(): Promise<QueueGauge[]>;
  /** Consumers alive now, optionally of one queue. */
  listConsumers(filter?: { queue?: string }): Promise<ConsumerInfo[]>;
  /** One round of the broker's own chores (expiry, lapsed leases, pruning); run by the producer. */
  housekeep(options: HousekeepingOptions): Promise<HousekeepingCounts>;

  /**
   * Whether the broker can move messages now, for a daemon's `/readyz`: 'ok', or why not
   * (a RabbitMQ connection down and being re-established). A broker that lives in the
   * daemon's database answers 'ok': the database is every daemon's first readiness check.
   */
  readiness(): 'ok' | string;

  close(): Promise<void>;
}
