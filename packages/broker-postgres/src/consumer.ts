import crypto from 'node:crypto';
import type { Clock, Logger } from '@interflow/core';
import { type Consumer, type ConsumeOptions, type Delivery, type DeliveryHandler, type DeliveryRef, decideHandOver } from '@interflow/broker';
import { AckBatch, answerAcks, type PendingAck } from './ack-batch';
import { lessonOfClaim } from './claim-answer';
import type { ClaimRequest } from './claim-sql';
import type { ConsumerBackend, ConsumerRegistration, ConsumerTiming } from './consumer-backend';
import { traceClaims } from './consume-tracing';
import type { Settler } from './delivery-control';
import { HandlerPool } from './handler-pool';
import { directDeliveryRoom, type DirectReceiver, type DirectReservation } from './local-delivery';
import { performanceClock, type MonotonicClock } from './monotonic-clock';
import { decideNextStatement, type ConsumeLoopLimits, type ConsumeLoopState } from './next-statement';
import { PrefetchBuffer } from './prefetch-buffer';
import { PrefetchLeaseKeeper } from './prefetch-lease-keeper';
import { WakeSignal } from './wake-signal';

/** After a failed statement (database restarting), the next try comes this soon at the latest. */
const RETRY_AFTER_FAILURE_MS = 1000;

/**
 * The consume loop. Each statement carries the acks of every handler that finished
 * since the last one (`AckBatch`) AND the claim for their replacements (up to
 * concurrency + prefetch deliveries held, refilled when the prefetch buffer is half
 * empty): acks and claims in batches, one round trip, is what makes draining fast.
 * `decideNextStatement` says what to send when (one statement in flight at a time, two
 * while the queue has a backlog; acks held a moment for a claim to ride with); the
 * `HandlerPool` runs up to `concurrency` handlers and settles them by their outcome.
 * When a claim comes back short the queue is taken as empty until a wake-up or the poll
 * interval; database errors (a restart) are logged and retried.
 */
export class QueueConsumer implements Consumer, DirectReceiver {
  readonly id: string;
  private readonly registration: ConsumerRegistration;
  private readonly signal = new WakeSignal();
  private readonly buffer = new PrefetchBuffer();
  private readonly acks: AckBatch;
  private readonly handlers: HandlerPool;
  private readonly limits: ConsumeLoopLimits;
  private readonly logger: Logger;
  /** A recovered delivery whose hand-over goes with the next statement; it then runs alone. */
  private handOver: Delivery | null = null;
  private handOverInFlight = false;
  private readonly leaseKeeper: PrefetchLeaseKeeper;
  private running = true;
  private queueLooksEmpty = false;
  /**
   * Wake-ups heard so far. A claim that comes back short makes the queue look empty only
   * if none came while it was in flight: a message committed after the claim's snapshot
   * would otherwise wait for the poll interval.
   */
  private wakeUps = 0;
  private waitingForCapacity = false;
  private loopDone: Promise<void> = Promise.resolve();
  private stopping: Promise<void> | null = null;
  private unsubscribe: () => void = () => undefined;
  private ticker: NodeJS.Timeout | null = null;
  private failures = 0;
  private lastShortClaimAt = 0;
  private statementsInFlight = 0;
  /** Deliveries asked for by claims still in flight. */
  private claimsInFlight = 0;
  /** The last claim came back full: the queue has a backlog worth a second statement in flight. */
  private backlogSeen = false;
  /** After a failed statement (database down), nothing is sent before this. */
  private retryAt = 0;
  /** Room promised to publishes in flight that insert messages already leased to this consumer (local-delivery.ts). */
  private directPromised = 0;
  /** Releases of direct deliveries that arrived after stop(); shutdown waits for them. */
  private lateReleases: Promise<void>[] = [];
  private directSettled: (() => void) | null = null;
  /** A dispatch of direct deliveries is set for the next turn. */
  private dispatchSet = false;

  constructor(
    private readonly backend: ConsumerBackend,
    readonly queue: string,
    handler: DeliveryHandler,
    private readonly options: Required<Pick<ConsumeOptions, 'concurrency' | 'prefetch'>> & { leaseMs: number | null; consumerName: string },
    private readonly timing: ConsumerTiming,
    private readonly clock: Clock,
    logger: Logger,
    private readonly monotonic: MonotonicClock = performanceClock,
  ) {
    this.id = `${options.consumerName}:${crypto.randomUUID()}`;
    this.registration = { id: this.id, queue, name: options.consumerName, concurrency: options.concurrency, prefetch: options.prefetch };
    this.limits = { concurrency: options.concurrency, prefetch: options.prefetch, pollIntervalMs: timing.pollIntervalMs };
    this.logger = logger.child({ queue, consumerId: this.id });
    this.acks = new AckBatch(monotonic);
    const settler: Settler = {
      ack: (ref) => this.queueAck(ref),
      nack: (ref, nackOptions) => backend.nack(ref, nackOptions),
      reject: (ref, reason) => backend.reject(ref, reason),
      ackWithin: (tx, ref) => backend.ackWithin(tx, ref),
      nackWithin: (tx, ref, nackOptions) => backend.nackWithin(tx, ref, nackOptions),
      rejectWithin: (tx, ref, reason) => backend.rejectWithin(tx, ref, reason),
      extendLease: (ref, ms) => backend.extendLease(ref, ms),
    };
    this.leaseKeeper = new PrefetchLeaseKeeper({
      buffer: this.buffer,
      keepLeases: (refs) => backend.keepLeases(refs, options.leaseMs),
      monotonic,
      logger: this.logger,
      afterKeep: () => this.dispatch(),
    });
    this.handlers = new HandlerPool({
      queue,
      handler,
      settler,
      clock,
      logger: this.logger,
      autoAck: (delivery) => this.queueAutoAck(delivery),
      handlerDone: () => {
        this.dispatch();
        // A loop waiting for messages would only claim in vain; one waiting for slots (or to stop) cares.
        if (this.waitingForCapacity) this.signal.ring();
      },
    });
  }

  start(): void {
    this.unsubscribe = this.backend.subscribe(this.queue, () => {
      this.wakeUps++;
      this.queueLooksEmpty = false;
      this.signal.ring();
    });
    void this.backend.register(this.registration).catch((error: unknown) => this.logger.warn('consumer registration failed', { error }));
    let ticks = 0;
    const everyTicks = Math.max(1, Math.round(this.timing.heartbeatIntervalMs / 1000));
    this.ticker = setInterval(() => {
      this.handlers.abortLapsedLeases();
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
    this.leaseKeeper.stop();
    const unstarted = this.buffer.takeAll();
    if (this.handOver && !this.handOverInFlight) unstarted.push(this.handOver);
    if (unstarted.length > 0) {
      await this.backend.release(this.queue, unstarted).catch((error: unknown) => this.logger.warn('releasing prefetched deliveries failed; their leases will lapse', { error }));
    }
    await this.loopDone;
    // A publish in flight may still hand deliveries over; they are released, not lost in a lease.
    if (this.directPromised > 0) await new Promise<void>((resolve) => (this.directSettled = resolve));
    await Promise.all(this.lateReleases);
    await this.handlers.settlementsLanded();
    if (this.ticker) clearInterval(this.ticker);
    this.unsubscribe();
    await this.backend.deregister(this.id).catch((error: unknown) => this.logger.warn('consumer deregistration failed', { error }));
  }

  get leaseMs(): number | null {
    return this.options.leaseMs;
  }

  reserveDirect(): DirectReservation {
    const room = directDeliveryRoom({
      running: this.running,
      backlogSeen: this.backlogSeen,
      claimsInFlight: this.claimsInFlight,
      backingOff: this.monotonic() < this.retryAt,
      capacity: this.loopState().capacity,
    });
    this.directPromised += room;
    return { room, wakeUpsHeard: this.wakeUps };
  }

  receiveDirect(reservation: DirectReservation, claimed: Delivery[] | null): void {
    const reserved = reservation.room;
    const deliveries = claimed ?? [];
    this.directPromised -= reserved;
    if (claimed && reserved > 0) this.learnFromClaim(reserved, claimed.length, reservation.wakeUpsHeard);
    if (deliveries.length > 0) {
      if (this.running) {
        traceClaims(this.queue, deliveries, new Date(), new Date());
        this.buffer.push(deliveries, this.monotonic(), this.clock.now().getTime());
        this.leaseKeeper.schedule();
        this.dispatchNextTurn();
      } else {
        this.lateReleases.push(this.backend.release(this.queue, deliveries).catch(() => undefined));
      }
    }
    if (this.directPromised === 0 && this.directSettled) this.directSettled();
    // Room promised and not used is room again.
    if (deliveries.length < reserved) this.signal.ring();
  }

  /**
   * Direct deliveries arrive at the end of the turn in which the publishers they came with
   * were answered, just before the next publish statement leaves (local-delivery.ts):
   * their handlers start in the next turn, once that statement is on its way, so the
   * database works on it while the handlers run instead of waiting for them (Node's share
   * of a publish cycle a fifth shorter, docs/benchmarks.md). They already count as held,
   * and a stop meanwhile releases them with the rest of the buffer.
   */
  private dispatchNextTurn(): void {
    if (this.dispatchSet) return;
    this.dispatchSet = true;
    setImmediate(() => {
      this.dispatchSet = false;
      this.dispatch();
    });
  }

  private queueAck(ref: DeliveryRef): Promise<void> {
    return new Promise((resolve, reject) => {
      this.acks.add({ ref, resolve, reject });
      this.signal.ring();
    });
  }

  /**
   * The ack of a handler that returned: no promise to hand out, only a log line when the
   * lease was lost. The loop runs until every queued ack is sent, so stop() waits for it.
   */
  private queueAutoAck(delivery: Delivery): void {
    this.acks.add({
      ref: delivery,
      resolve: () => undefined,
      reject: (error) => this.logger.warn('lease lost before the ack; the message will be delivered again', { messageId: delivery.messageId, error }),
    });
    this.signal.ring();
  }

  private loopState(): ConsumeLoopState {
    const held = this.handlers.size + this.buffer.length + (this.handOver ? 1 : 0) + this.claimsInFlight + this.directPromised;
    return {
      running: this.running,
      now: this.monotonic(),
      retryAt: this.retryAt,
      statementsInFlight: this.statementsInFlight,
      backlogSeen: this.backlogSeen,
      capacity: this.options.concurrency + this.options.prefetch - held,
      buffered: this.buffer.length,
      queueLooksEmpty: this.queueLooksEmpty,
      handOverWaiting: this.handOver !== null && !this.handOverInFlight,
      pendingAcks: this.acks.size,
      oldestAckAt: this.acks.oldestAt,
      lastShortClaimAt: this.lastShortClaimAt,
      handlersRunning: this.handlers.size,
    };
  }

  /**
   * Sends what `decideNextStatement` says without waiting for the answer, so that while
   * the queue has a backlog two statements can run at once (one claims while the
   * consumer digests the other's answer).
   */
  private async settleAndClaimLoop(): Promise<void> {
    for (;;) {
      const next = decideNextStatement(this.loopState(), this.limits);
      if (next.kind === 'finished') return;
      if (next.kind === 'wait') {
        await this.sleep(next.forCapacity, next.timeoutMs);
      } else if (next.kind === 'pace') {
        await new Promise((resolve) => setTimeout(resolve, next.delayMs));
      } else {
        const acks = this.acks.take();
        const claim = next.claimMax === null ? null : { queue: this.queue, max: next.claimMax, leaseMs: this.options.leaseMs, consumerId: this.id, handedOver: false };
        const handOver = next.handOver ? this.handOver : null;
        if (handOver) this.handOverInFlight = true;
        this.statementsInFlight++;
        this.claimsInFlight += claim?.max ?? 0;
        void this.settleAndClaim(acks, handOver, claim, this.wakeUps).finally(() => {
          this.statementsInFlight--;
          this.claimsInFlight -= claim?.max ?? 0;
          this.signal.ring();
        });
      }
    }
  }

  private async settleAndClaim(acks: PendingAck[], handOver: Delivery | null, claim: ClaimRequest | null, wakeUpsAtSend: number): Promise<void> {
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
      answerAcks(acks, ackedIds);
      if (handOver) this.handedOver(handOver, handedOver.get(handOver.messageId));
      if (!claim) return;
      if (this.running) {
        this.buffer.push(deliveries, this.monotonic(), this.clock.now().getTime());
        this.leaseKeeper.schedule();
        this.dispatch();
      } else if (deliveries.length > 0) {
        await this.backend.release(this.queue, deliveries).catch(() => undefined);
      }
      this.learnFromClaim(claim.max, deliveries.length, wakeUpsAtSend);
    } catch (error) {
      if (this.failures++ % 20 === 0) this.logger.warn('settling and claiming failed; retrying', { error });
      // While running the acks are tried again (their leases may still hold); a stopping
      // consumer gives up on them and lets the leases lapse (the messages come again).
      if (this.running) this.acks.putBack(acks);
      else for (const ack of acks) ack.reject(error instanceof Error ? error : new Error(String(error)));
      if (handOver) this.handOverInFlight = false; // tried again with the next statement
      this.backlogSeen = false;
      this.retryAt = this.monotonic() + Math.min(this.timing.pollIntervalMs, RETRY_AFTER_FAILURE_MS);
    }
  }

  /** What the answer to a claim (its own, or a publish statement's for it) says about the queue: `lessonOfClaim`. */
  private learnFromClaim(asked: number, got: number, wakeUpsAtSend: number): void {
    const lesson = lessonOfClaim({ asked, got, wokenMeanwhile: this.wakeUps !== wakeUpsAtSend });
    this.backlogSeen = lesson.backlogSeen;
    if (lesson.queueLooksEmpty !== null) this.queueLooksEmpty = lesson.queueLooksEmpty;
    if (lesson.short) this.lastShortClaimAt = this.monotonic();
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
        isolatedRunning: this.handlers.isolatedRunning,
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
        this.handlers.start(head, false);
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
    this.handlers.start({ ...delivery, attempt }, true);
  }
}
