import crypto from 'node:crypto';
import { type Clock, PermanentError, RateLimitedError, type Logger } from '@interflow/core';
import {
  type Consumer,
  type ConsumeOptions,
  type Delivery,
  type DeliveryHandler,
  type DeliveryRef,
  StaleDeliveryError,
  decideHandOver,
} from '@interflow/broker';
import type { ClaimRequest, ConsumerStatement, ConsumerStatementResult } from './claim-sql';
import { inDeliverySpan, traceClaims } from './consume-tracing';
import { DeliveryControlImpl, type Settler } from './delivery-control';
import { PrefetchBuffer } from './prefetch-buffer';
import { WakeSignal } from './wake-signal';

/** What a consumer needs from its broker. */
export interface ConsumerBackend extends Omit<Settler, 'ack'> {
  /**
   * Acks, records hand-overs and, when asked, claims: one statement. Answers the ids
   * acked and handed over (the others were stale or lapsed) and the new deliveries.
   */
  settleAndClaim(queue: string, statement: ConsumerStatement): Promise<ConsumerStatementResult>;
  /** Extends the leases of held deliveries by the lease each was claimed with; answers the new deadlines of those kept. */
  keepLeases(refs: DeliveryRef[], leaseMs: number | null): Promise<Map<string, Date>>;
  release(queue: string, refs: DeliveryRef[]): Promise<void>;
  subscribe(queue: string, listener: () => void): () => void;
  register(consumer: ConsumerRegistration): Promise<void>;
  heartbeat(consumer: ConsumerRegistration): Promise<void>;
  deregister(id: string): Promise<void>;
}

export interface ConsumerRegistration {
  id: string;
  queue: string;
  name: string;
  concurrency: number;
  prefetch: number;
}

export interface ConsumerTiming {
  /** Claim again after this long without a wake-up (the fallback when NOTIFY is lost). */
  pollIntervalMs: number;
  heartbeatIntervalMs: number;
}

interface PendingAck {
  ref: DeliveryRef;
  resolve(): void;
  reject(error: Error): void;
}

const MAX_ACKS_PER_STATEMENT = 1000;
/**
 * After a claim that emptied the queue, the next claim waits until this long after it.
 * Messages trickling in (many publishers, one commit each) are then claimed a few at a
 * time instead of one statement per commit; a consumer woken less often than this (low
 * rates, where latency matters) never waits.
 */
const MIN_MS_BETWEEN_SHORT_CLAIMS = 1;
/**
 * Acks wait up to this long for the next claim to ride with, instead of a statement of
 * their own (unless this many are waiting, or the consumer stops). An ack held a moment
 * longer only keeps a message leased a moment longer.
 */
const ACK_HOLD_MS = 20;
/** After a failed statement (database restarting), the next try comes this soon at the latest. */
const RETRY_AFTER_FAILURE_MS = 1000;
const MAX_HELD_ACKS = 256;

/**
 * The consume loop. Each statement carries the acks of every handler that finished
 * since the last one AND the claim for their replacements (up to
 * concurrency + prefetch deliveries held, refilled when the prefetch buffer is half
 * empty): acks and claims in batches, one round trip, is what makes draining fast. One
 * statement is in flight at a time, two while the queue has a backlog. Up to `concurrency` handlers run at once and are settled by their outcome. When a
 * claim comes back short the queue is taken as empty until a wake-up or the poll
 * interval; database errors (a restart) are logged and retried at the poll interval.
 */
export class QueueConsumer implements Consumer {
  readonly id: string;
  private readonly registration: ConsumerRegistration;
  private readonly signal = new WakeSignal();
  private readonly buffer = new PrefetchBuffer();
  /** A recovered delivery whose hand-over goes with the next statement; it then runs alone. */
  private handOver: Delivery | null = null;
  private handOverInFlight = false;
  private isolatedRunning = false;
  private keepTimer: NodeJS.Timeout | null = null;
  private keeping = false;
  private readonly controls = new Map<string, DeliveryControlImpl>();
  private readonly handlers = new Set<Promise<void>>();
  private readonly settlements = new Set<Promise<void>>();
  private readonly settler: Settler;
  private readonly logger: Logger;
  private pendingAcks: PendingAck[] = [];
  private running = true;
  private queueLooksEmpty = false;
  private waitingForCapacity = false;
  private loopDone: Promise<void> = Promise.resolve();
  private stopping: Promise<void> | null = null;
  private unsubscribe: () => void = () => undefined;
  private ticker: NodeJS.Timeout | null = null;
  private failures = 0;
  private lastShortClaimAt = 0;
  private oldestPendingAckAt = 0;
  private statementsInFlight = 0;
  /** Deliveries asked for by claims still in flight. */
  private claimsInFlight = 0;
  /** The last claim came back full: the queue has a backlog worth a second statement in flight. */
  private backlogSeen = false;
  /** After a failed statement (database down), nothing is sent before this. */
  private retryAt = 0;

  constructor(
    private readonly backend: ConsumerBackend,
    readonly queue: string,
    private readonly handler: DeliveryHandler,
    private readonly options: Required<Pick<ConsumeOptions, 'concurrency' | 'prefetch'>> & { leaseMs: number | null; consumerName: string },
    private readonly timing: ConsumerTiming,
    private readonly clock: Clock,
    logger: Logger,
  ) {
    this.id = `${options.consumerName}:${crypto.randomUUID()}`;
    this.registration = { id: this.id, queue, name: options.consumerName, concurrency: options.concurrency, prefetch: options.prefetch };
    this.logger = logger.child({ queue, consumerId: this.id });
    this.settler = {
      ack: (ref) => this.queueAck(ref),
      nack: (ref, nackOptions) => backend.nack(ref, nackOptions),
      reject: (ref, reason) => backend.reject(ref, reason),
      ackWithin: (tx, ref) => backend.ackWithin(tx, ref),
      nackWithin: (tx, ref, nackOptions) => backend.nackWithin(tx, ref, nackOptions),
      rejectWithin: (tx, ref, reason) => backend.rejectWithin(tx, ref, reason),
      extendLease: (ref, ms) => backend.extendLease(ref, ms),
    };
  }

  start(): void {
    this.unsubscribe = this.backend.subscribe(this.queue, () => {
      this.queueLooksEmpty = false;
      this.signal.ring();
    });
    void this.backend.register(this.registration).catch((error: unknown) => this.logger.warn('consumer registration failed', { error }));
    let ticks = 0;
    const everyTicks = Math.max(1, Math.round(this.timing.heartbeatIntervalMs / 1000));
    this.ticker = setInterval(() => {
      this.abortLapsedLeases();
      if (++ticks % everyTicks === 0) {
        void this.backend.heartbeat(this.registration).catch((error: unknown) => this.logger.debug('consumer heartbeat failed', { error }));
      }
    }, 1000);
    this.ticker.unref();
    this.loopDone = this.settleAndClaimLoop();
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    this.running = false;
    this.signal.ring();
    if (this.keepTimer) clearTimeout(this.keepTimer);
    const unstarted = this.buffer.takeAll();
    if (this.handOver && !this.handOverInFlight) unstarted.push(this.handOver);
    if (unstarted.length > 0) {
      await this.backend.release(this.queue, unstarted).catch((error: unknown) => this.logger.warn('releasing prefetched deliveries failed; their leases will lapse', { error }));
    }
    await this.loopDone;
    await Promise.allSettled([...this.settlements]);
    if (this.ticker) clearInterval(this.ticker);
    this.unsubscribe();
    await this.backend.deregister(this.id).catch((error: unknown) => this.logger.warn('consumer deregistration failed', { error }));
  }

  private queueAck(ref: DeliveryRef): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.pendingAcks.length === 0) this.oldestPendingAckAt = performance.now();
      this.pendingAcks.push({ ref, resolve, reject });
      this.signal.ring();
    });
  }

  /**
   * The ack of a handler that returned: no promise to hand out, only a log line when the
   * lease was lost. The loop runs until every queued ack is sent, so stop() waits for it.
   */
  private queueAutoAck(delivery: Delivery): void {
    if (this.pendingAcks.length === 0) this.oldestPendingAckAt = performance.now();
    this.pendingAcks.push({
      ref: delivery,
      resolve: () => undefined,
      reject: (error) => this.logger.warn('lease lost before the ack; the message will be delivered again', { messageId: delivery.messageId, error }),
    });
    this.signal.ring();
  }

  /** Deliveries this consumer may still claim: room for handlers and prefetch, minus claims in flight. */
  private capacity(): number {
    return this.options.concurrency + this.options.prefetch - this.handlers.size - this.buffer.length - (this.handOver ? 1 : 0) - this.claimsInFlight;
  }

  /**
   * Decides what to send next and sends it without waiting for the answer, so that while
   * the queue has a backlog two statements can run at once (one claims while the
   * consumer digests the other's answer); otherwise one at a time.
   */
  private async settleAndClaimLoop(): Promise<void> {
    const lowWater = Math.floor(this.options.prefetch / 2);
    const total = this.options.concurrency + this.options.prefetch;
    while (this.running || this.pendingAcks.length > 0 || this.handlers.size > 0 || this.statementsInFlight > 0) {
      const now = performance.now();
      if (now < this.retryAt) {
        await this.sleep(false, this.retryAt - now);
        continue;
      }
      const maxInFlight = this.backlogSeen ? 2 : 1;
      if (this.statementsInFlight >= maxInFlight) {
        await this.sleep(true, this.timing.pollIntervalMs);
        continue;
      }
      const wanted = this.capacity();
      const worthClaiming = this.statementsInFlight === 0 ? wanted > 0 : wanted >= Math.max(1, Math.floor(total / 4));
      const wantsMessages = this.running && worthClaiming && this.buffer.length <= lowWater && !this.queueLooksEmpty;
      const handOver = this.handOver && !this.handOverInFlight && this.running ? this.handOver : null;
      if (!wantsMessages && !handOver) {
        const forCapacity = !this.running || wanted <= 0 || this.buffer.length > lowWater;
        if (this.pendingAcks.length === 0) {
          await this.sleep(forCapacity, this.timing.pollIntervalMs);
          continue;
        }
        const heldFor = now - this.oldestPendingAckAt;
        if ((this.running && this.pendingAcks.length < MAX_HELD_ACKS && heldFor < ACK_HOLD_MS) || this.statementsInFlight > 0) {
          await this.sleep(forCapacity, Math.max(1, ACK_HOLD_MS - heldFor));
          continue;
        }
      } else if (!handOver && now - this.lastShortClaimAt < MIN_MS_BETWEEN_SHORT_CLAIMS) {
        await new Promise((resolve) => setTimeout(resolve, MIN_MS_BETWEEN_SHORT_CLAIMS - (now - this.lastShortClaimAt)));
        continue;
      }
      const acks = this.pendingAcks.splice(0, MAX_ACKS_PER_STATEMENT);
      if (this.pendingAcks.length > 0) this.oldestPendingAckAt = performance.now();
      const claim = wantsMessages ? { queue: this.queue, max: wanted, leaseMs: this.options.leaseMs, consumerId: this.id, handedOver: false } : null;
      if (handOver) this.handOverInFlight = true;
      this.statementsInFlight++;
      this.claimsInFlight += claim?.max ?? 0;
      void this.settleAndClaim(acks, handOver, claim).finally(() => {
        this.statementsInFlight--;
        this.claimsInFlight -= claim?.max ?? 0;
        this.signal.ring();
      });
    }
  }

  private async settleAndClaim(acks: PendingAck[], handOver: Delivery | null, claim: ClaimRequest | null): Promise<void> {
    try {
      const started = new Date();
      const { ackedIds, handedOver, deliveries } = await this.backend.settleAndClaim(this.queue, {
        acks: acks.map((a) => a.ref),
        handOvers: handOver ? [handOver] : [],
        claim,
      });
      if (deliveries.length > 0) traceClaims(this.queue, deliveries, started, new Date());
      if (this.failures > 0) this.logger.info('the database answers again', { failures: this.failures });
      this.failures = 0;
      for (const ack of acks) {
        if (ackedIds.has(ack.ref.messageId)) ack.resolve();
        else ack.reject(new StaleDeliveryError(ack.ref.messageId));
      }
      if (handOver) this.handedOver(handOver, handedOver.get(handOver.messageId));
      if (!claim) return;
      if (this.running) {
        this.buffer.push(deliveries, performance.now(), this.clock.now().getTime());
        this.scheduleLeaseKeeping();
        this.dispatch();
      } else if (deliveries.length > 0) {
        await this.backend.release(this.queue, deliveries).catch(() => undefined);
      }
      this.backlogSeen = deliveries.length === claim.max;
      if (deliveries.length < claim.max) {
        this.queueLooksEmpty = true;
        this.lastShortClaimAt = performance.now();
      }
    } catch (error) {
      if (this.failures++ % 20 === 0) this.logger.warn('settling and claiming failed; retrying', { error });
      // While running the acks are tried again (their leases may still hold); a stopping
      // consumer gives up on them and lets the leases lapse (the messages come again).
      if (this.running) this.pendingAcks.unshift(...acks);
      else for (const ack of acks) ack.reject(error instanceof Error ? error : new Error(String(error)));
      if (handOver) this.handOverInFlight = false; // tried again with the next statement
      this.backlogSeen = false;
      this.retryAt = performance.now() + Math.min(this.timing.pollIntervalMs, RETRY_AFTER_FAILURE_MS);
    }
  }

  /** Waits for a ring or `timeoutMs`; after a whole poll interval without a ring the queue is worth a claim again. */
  private async sleep(forCapacity: boolean, timeoutMs: number): Promise<void> {
    this.waitingForCapacity = forCapacity;
    const rang = await this.signal.wait(timeoutMs);
    this.waitingForCapacity = false;
    if (!rang && timeoutMs >= this.timing.pollIntervalMs) this.queueLooksEmpty = false;
  }

  /** Hands buffered deliveries to handlers by the rules of `decideHandOver`. */
  private dispatch(): void {
    while (this.running) {
      const head = this.buffer.head();
      const decision = decideHandOver(head, {
        running: this.handlers.size,
        concurrency: this.options.concurrency,
        isolatedRunning: this.isolatedRunning,
        recording: this.handOver !== null,
        now: this.clock.now().getTime(),
      });
      if (decision === 'empty' || decision === 'wait' || !head) return;
      this.buffer.shift();
      if (decision === 'drop') {
        this.logger.debug('prefetched delivery lost its lease before a handler was free', { messageId: head.messageId });
      } else if (decision === 'record_first') {
        this.handOver = head;
        this.signal.ring();
        return;
      } else {
        this.startHandler(head, false);
      }
    }
  }

  /** The next statement recorded (attempt given) or refused (lease lost) a recovered delivery's hand-over. */
  private handedOver(delivery: Delivery, attempt: number | undefined): void {
    this.handOver = null;
    this.handOverInFlight = false;
    if (attempt === undefined || !this.running) {
      if (attempt === undefined) this.logger.debug('recovered delivery lost its lease before its hand-over', { messageId: delivery.messageId });
      else void this.backend.release(this.queue, [delivery]).catch(() => undefined);
      this.dispatch();
      return;
    }
    this.logger.info('handing over a recovered delivery alone (its last consumer died or stalled holding it)', {
      messageId: delivery.messageId,
      attempt,
    });
    this.startHandler({ ...delivery, attempt }, true);
  }

  private startHandler(delivery: Delivery, isolated: boolean): void {
    if (isolated) this.isolatedRunning = true;
    const handling = this.handle(delivery).finally(() => {
      this.handlers.delete(handling);
      if (isolated) this.isolatedRunning = false;
      this.dispatch();
      // A loop waiting for messages would only claim in vain; one waiting for slots (or to stop) cares.
      if (this.waitingForCapacity) this.signal.ring();
    });
    this.handlers.add(handling);
  }

  /** Keeps the leases of buffered deliveries (one statement for all), a third of a lease after the last keep. */
  private scheduleLeaseKeeping(): void {
    if (this.keepTimer || this.keeping || !this.running) return;
    const next = this.buffer.nextKeepAt();
    if (next === null) return;
    this.keepTimer = setTimeout(() => {
      this.keepTimer = null;
      void this.keepBufferedLeases();
    }, Math.max(10, next - performance.now()));
    this.keepTimer.unref();
  }

  private async keepBufferedLeases(): Promise<void> {
    const held = this.buffer.all();
    if (held.length === 0 || !this.running) return;
    this.keeping = true;
    const sentAt = performance.now();
    try {
      const deadlines = await this.backend.keepLeases(held, this.options.leaseMs);
      const dropped = this.buffer.kept(deadlines, sentAt, new Set(held.map((d) => d.messageId)));
      if (dropped.length > 0) this.logger.warn('prefetched deliveries lost their leases before a handler was free', { messageIds: dropped });
    } catch (error) {
      this.logger.warn('keeping the leases of prefetched deliveries failed; retrying', { error });
    } finally {
      this.keeping = false;
      this.scheduleLeaseKeeping();
      this.dispatch();
    }
  }

  private async handle(delivery: Delivery): Promise<void> {
    const control = new DeliveryControlImpl(this.settler, delivery);
    this.controls.set(delivery.messageId, control);
    try {
      await inDeliverySpan(this.queue, delivery, () => this.handler(delivery, control));
      if (control.settled) return;
      if (control.leaseLost || control.leaseExpiresAt.getTime() <= this.clock.now().getTime()) {
        // The handler gave up on a lapsed lease: the message is someone else's now; an ack would be refused.
        this.logger.warn('handler returned after its lease was lost; not acking (the message will be delivered again)', { messageId: delivery.messageId });
        return;
      }
      this.queueAutoAck(delivery);
    } catch (error) {
      if (control.settled) {
        this.logger.warn('handler failed after settling its delivery', { messageId: delivery.messageId, error });
      } else if (error instanceof PermanentError) {
        this.track(control.reject(error.message), delivery, 'reject');
      } else if (error instanceof RateLimitedError) {
        this.track(control.nack({ delayMs: error.retryAfterMs, countAttempt: false, reason: error.message }), delivery, 'nack');
      } else {
        const reason = error instanceof Error ? error.message : String(error);
        this.logger.debug('handler failed; nacking', { messageId: delivery.messageId, attempt: delivery.attempt, error });
        this.track(control.nack({ reason }), delivery, 'nack');
      }
    } finally {
      this.controls.delete(delivery.messageId);
    }
  }

  /** Keeps a settlement in view until it lands, so stop() can wait for it; logs a lost lease. */
  private track(settlement: Promise<unknown>, delivery: Delivery, kind: string): void {
    const tracked = settlement.then(
      () => undefined,
      (error: unknown) => {
        const message = error instanceof StaleDeliveryError ? 'lease lost before settling; the message will be delivered again' : 'settling failed; the lease will lapse';
        this.logger.warn(message, { messageId: delivery.messageId, settle: kind, error });
      },
    );
    this.settlements.add(tracked);
    void tracked.finally(() => this.settlements.delete(tracked));
  }

  private abortLapsedLeases(): void {
    const now = this.clock.now().getTime();
    for (const control of this.controls.values()) {
      if (control.leaseExpiresAt.getTime() < now) control.abort(new StaleDeliveryError(control.delivery.messageId));
    }
  }
}
