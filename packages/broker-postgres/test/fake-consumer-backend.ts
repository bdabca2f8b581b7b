import crypto from 'node:crypto';
import { type Delivery, type DeliveryRef, type NackOptions, StaleDeliveryError } from '@interflow/broker';
import type { ConsumerStatement, ConsumerStatementResult } from '../src/claim-sql';
import type { ConsumerBackend, ConsumerRegistration } from '../src/consumer-backend';

const LEASE_MS = 30_000;

/**
 * An in-memory broker for one queue, as a consumer sees it: claims lease deliveries with a
 * fresh token; acks, nacks and rejects of a token that no longer holds the lease are
 * refused. It records every statement and settlement, so unit tests see what the
 * consumer sent, and can fail the next statements or revoke a lease.
 */
export class FakeConsumerBackend implements ConsumerBackend {
  readonly statements: ConsumerStatement[] = [];
  readonly acked: string[] = [];
  readonly nacked: { messageId: string; options: NackOptions | undefined }[] = [];
  readonly rejected: { messageId: string; reason: string }[] = [];
  readonly released: string[] = [];
  readonly registered: ConsumerRegistration[] = [];
  readonly deregistered: string[] = [];
  /** The next this many statements fail, as with the database down. */
  failingStatements = 0;
  /** The attempt a recorded hand-over counts as. */
  handOverAttempt = 5;
  private readonly ready: Delivery[] = [];
  private readonly leased = new Map<string, Delivery>();
  private readonly listeners = new Set<() => void>();
  private answerGate: Promise<void> | null = null;

  /** Adds messages to the queue and rings the consumers; answers their ids. */
  publish(count: number, options: { recovered?: boolean } = {}): string[] {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const messageId = crypto.randomUUID();
      ids.push(messageId);
      this.ready.push({
        messageId,
        queue: 'work',
        payload: { n: this.ready.length },
        headers: {},
        priority: 0,
        attempt: 1,
        deliveryToken: '',
        leaseExpiresAt: new Date(0),
        replyTo: null,
        correlationId: null,
        sender: null,
        publishedAt: new Date(),
        expiresAt: null,
        deaths: [],
        recovered: options.recovered ?? false,
      });
    }
    for (const listener of this.listeners) listener();
    return ids;
  }

  /**
   * The next statement reads the queue as usual, then holds its answer until `release()`:
   * what is published meanwhile was committed after that statement's snapshot.
   */
  holdNextAnswer(): { release(): void } {
    let release: () => void = () => undefined;
    this.answerGate = new Promise<void>((resolve) => (release = resolve));
    return { release: () => release() };
  }

  /** The lease of a delivery lapses (another consumer may hold the message now). */
  revoke(messageId: string): void {
    this.leased.delete(messageId);
  }

  async settleAndClaim(_queue: string, statement: ConsumerStatement): Promise<ConsumerStatementResult> {
    this.statements.push(statement);
    await Promise.resolve();
    if (this.failingStatements > 0) {
      this.failingStatements--;
      throw new Error('connection refused');
    }
    const ackedIds = new Set<string>();
    for (const ref of statement.acks) {
      if (this.take(ref)) {
        ackedIds.add(ref.messageId);
        this.acked.push(ref.messageId);
      }
    }
    const handedOver = new Map<string, number>();
    for (const ref of statement.handOvers) {
      if (this.holds(ref)) handedOver.set(ref.messageId, this.handOverAttempt);
    }
    const deliveries = statement.claim ? this.ready.splice(0, statement.claim.max).map((message) => this.lease(message)) : [];
    const gate = this.answerGate;
    this.answerGate = null;
    if (gate) await gate;
    return { ackedIds, handedOver, deliveries };
  }

  async nack(ref: DeliveryRef, options?: NackOptions): Promise<void> {
    this.settle(ref);
    this.nacked.push({ messageId: ref.messageId, options });
  }

  async reject(ref: DeliveryRef, reason: string): Promise<void> {
    this.settle(ref);
    this.rejected.push({ messageId: ref.messageId, reason });
  }

  ackWithin(): Promise<void> {
    throw new Error('the fake backend has no transactions');
  }

  nackWithin(): Promise<void> {
    throw new Error('the fake backend has no transactions');
  }

  rejectWithin(): Promise<void> {
    throw new Error('the fake backend has no transactions');
  }

  async extendLease(ref: DeliveryRef, ms: number): Promise<Date> {
    if (!this.holds(ref)) throw new StaleDeliveryError(ref.messageId);
    return new Date(Date.now() + ms);
  }

  async keepLeases(refs: DeliveryRef[]): Promise<Map<string, Date>> {
    return new Map(refs.filter((ref) => this.holds(ref)).map((ref) => [ref.messageId, new Date(Date.now() + LEASE_MS)]));
  }

  async release(_queue: string, refs: DeliveryRef[]): Promise<void> {
    for (const ref of refs) {
      const message = this.take(ref);
      if (message) {
        this.released.push(ref.messageId);
        this.ready.unshift(message);
      }
    }
  }

  subscribe(_queue: string, listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async register(consumer: ConsumerRegistration): Promise<void> {
    this.registered.push(consumer);
  }

  async heartbeat(): Promise<void> {}

  async deregister(id: string): Promise<void> {
    this.deregistered.push(id);
  }

  private lease(message: Delivery): Delivery {
    const delivery = { ...message, deliveryToken: crypto.randomUUID(), leaseExpiresAt: new Date(Date.now() + LEASE_MS) };
    this.leased.set(message.messageId, delivery);
    return delivery;
  }

  private holds(ref: DeliveryRef): boolean {
    return this.leased.get(ref.messageId)?.deliveryToken === ref.deliveryToken;
  }

  private take(ref: DeliveryRef): Delivery | null {
    if (!this.holds(ref)) return null;
    const message = this.leased.get(ref.messageId) ?? null;
    this.leased.delete(ref.messageId);
    return message;
  }

  private settle(ref: DeliveryRef): void {
    if (!this.take(ref)) throw new StaleDeliveryError(ref.messageId);
  }
}
