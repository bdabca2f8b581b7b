import { type Logger, type Sql, type SqlExecutor, TurnBatch, ValidationError } from '@interflow/core';
import { type DeliveryRef, type NackOptions, StaleDeliveryError, retryDelayMs, type TransactionSql } from '@interflow/broker';
import { deadLetter } from './dead-letter-sql';
import { policyFromRow } from './queue-row';
import type { RateCounter } from './rate-counter';
import { ackMessages, ackWithin, extendLeaseOf, isWellFormedRef, leasedMessage, requeueMessage } from './settle-sql';
import type { WakeUp } from './wake-up';

export interface DeliverySettlementDeps {
  sql: Sql;
  wakeUp: WakeUp;
  rates: RateCounter;
  logger: Logger;
  /** Random source of the retry jitter. */
  random: () => number;
}

/**
 * How a delivery ends or lives on, by its token: ack, nack (by the queue's backoff, or
 * to the dead-letter queue on the last counted attempt), reject, extend the lease; each
 * also inside the caller's transaction. A token that no longer holds the lease is
 * refused with StaleDeliveryError. Queues that gain a ready message are woken. The acks
 * made within one transaction in one event-loop turn are one statement.
 */
export class DeliverySettlement {
  private readonly acksWithin = new WeakMap<TransactionSql, TurnBatch<DeliveryRef, { queue: string } | null>>();

  constructor(private readonly deps: DeliverySettlementDeps) {}

  /** Acks in one statement; throws StaleDeliveryError naming the first ref whose lease was lost (the others are acked). */
  async ack(refs: DeliveryRef[]): Promise<void> {
    const wellFormed = refs.filter(isWellFormedRef);
    const acked = wellFormed.length > 0 ? await ackMessages(this.deps.sql, wellFormed) : [];
    for (const row of acked) this.deps.rates.countAcked(row.queue);
    const ackedIds = new Set(acked.map((row) => row.id));
    const stale = refs.find((ref) => !ackedIds.has(ref.messageId));
    if (stale) throw new StaleDeliveryError(stale.messageId);
  }

  async ackWithin(tx: TransactionSql, ref: DeliveryRef): Promise<void> {
    const acked = isWellFormedRef(ref) ? await this.acksWithinOf(tx).submit(ref) : null;
    if (!acked) throw new StaleDeliveryError(ref.messageId);
    this.deps.rates.countAcked(acked.queue);
  }

  private acksWithinOf(tx: TransactionSql): TurnBatch<DeliveryRef, { queue: string } | null> {
    let acks = this.acksWithin.get(tx);
    if (!acks) {
      acks = new TurnBatch((refs: DeliveryRef[]) => ackWithin(tx, refs));
      this.acksWithin.set(tx, acks);
    }
    return acks;
  }

  /**
   * Back to the queue after `delayMs` (default: the queue's retry backoff for this
   * attempt); to the dead-letter queue (reason `max_attempts`) when this was the last
   * attempt and it counts.
   */
  async nack(sql: SqlExecutor, ref: DeliveryRef, options: NackOptions): Promise<void> {
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
    const delayMs = options.delayMs ?? retryDelayMs(policy.retryBackoff, leased.attempts, this.deps.random);
    const requeued = await requeueMessage(sql, ref.messageId, ref.deliveryToken, delayMs, countAttempt);
    if (!requeued) throw new StaleDeliveryError(ref.messageId);
    if (delayMs === 0) this.deps.wakeUp.announce([leased.queue]);
  }

  /** Straight to the dead-letter queue with the reason (x-death record `rejected`), or dropped when there is none. */
  async reject(sql: SqlExecutor, ref: DeliveryRef, reason: string): Promise<void> {
    if (!isWellFormedRef(ref)) throw new StaleDeliveryError(ref.messageId);
    const moved = await deadLetter(sql, [{ id: ref.messageId, token: ref.deliveryToken }], 'rejected', String(reason));
    if (moved.length === 0) throw new StaleDeliveryError(ref.messageId);
    this.announceDeadLetters(moved);
  }

  async extendLease(ref: DeliveryRef, ms: number): Promise<Date> {
    if (!Number.isInteger(ms) || ms < 1) throw new ValidationError('ms must be a positive integer', [{ field: 'ms', message: 'must be a positive integer' }]);
    if (!isWellFormedRef(ref)) throw new StaleDeliveryError(ref.messageId);
    const until = await extendLeaseOf(this.deps.sql, ref.messageId, ref.deliveryToken, ms);
    if (!until) throw new StaleDeliveryError(ref.messageId);
    return until;
  }

  private announceDeadLetters(moved: { id: string; queue: string; deadLetterQueue: string | null }[]): void {
    for (const message of moved) {
      if (message.deadLetterQueue) this.deps.wakeUp.announce([message.deadLetterQueue]);
      else this.deps.logger.warn('message dropped: its queue has no dead-letter queue', { messageId: message.id, queue: message.queue });
    }
  }
}
