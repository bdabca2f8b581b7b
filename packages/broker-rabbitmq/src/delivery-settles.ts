import type amqp from 'amqplib';
import { StaleDeliveryError, type DeliveryRef, type NackOptions, type TransactionSql } from '@interflow/broker';
import { ValidationError, type Logger } from '@interflow/core';
import type { CommitWatcher } from './commit-watcher';
import type { Settler } from './delivery-control';
import type { HeldDelivery, Leases } from './leases';
import type { Settlement } from './settlement';
import { forgetTracked } from './tracked-messages';

/**
 * The contract's settles by delivery reference: a settle takes the delivery's lease
 * (a second one is stale), runs, and the delivery counts in flight until it landed.
 * Settles "within" a transaction wait for its commit.
 */
export class DeliverySettles implements Settler {
  private readonly pendingByChannel = new Map<amqp.Channel, Set<Promise<void>>>();

  constructor(
    private readonly leases: Leases,
    private readonly settlement: Settlement,
    private readonly watcher: CommitWatcher,
    private readonly logger: Logger,
  ) {}

  async ack(refs: DeliveryRef[] | DeliveryRef): Promise<void> {
    if (!Array.isArray(refs)) refs = [refs];
    const stale: unknown[] = [];
    for (const ref of refs) {
      try {
        await this.settled(this.leases.take(ref), (held) => this.settlement.ack(held));
      } catch (error) {
        stale.push(error);
      }
    }
    if (stale.length > 0) throw stale[0];
  }

  async nack(ref: DeliveryRef, options: NackOptions = {}): Promise<void> {
    checkNackOptions(options);
    await this.settled(this.leases.take(ref), (held) => this.settlement.nack(held, options));
  }

  async reject(ref: DeliveryRef, reason: string): Promise<void> {
    await this.settled(this.leases.take(ref), (held) => this.settlement.reject(held, reason));
  }

  /** Runs a settle of a taken delivery; it stays counted in flight until the settle landed. */
  private async settled(held: HeldDelivery, settle: (held: HeldDelivery) => Promise<void>): Promise<void> {
    try {
      await settle(held);
    } finally {
      this.leases.release(held);
    }
  }

  /**
   * RabbitMQ cannot join the caller's PostgreSQL transaction: the ack is made once the
   * transaction committed (nothing when it rolls back; the lease is kept meanwhile). A
   * crash between the commit and the ack delivers the message again: at-least-once.
   */
  async ackWithin(tx: TransactionSql, ref: DeliveryRef): Promise<void> {
    const held = this.leases.get(ref);
    // The ledger says "finished" in the caller's transaction: a redelivery after a crash before the ack is recognisable.
    if (held.envelope.meta.tracked) await forgetTracked(tx, held.envelope.meta.id);
    return this.afterCommit(tx, ref, (taken) => this.settlement.ack(taken, true));
  }
  nackWithin(tx: TransactionSql, ref: DeliveryRef, options: NackOptions = {}): Promise<void> {
    checkNackOptions(options);
    return this.afterCommit(tx, ref, (held) => this.settlement.nack(held, options));
  }
  rejectWithin(tx: TransactionSql, ref: DeliveryRef, reason: string): Promise<void> {
    return this.afterCommit(tx, ref, (held) => this.settlement.reject(held, reason));
  }

  async extendLease(ref: DeliveryRef, ms: number): Promise<Date> {
    return this.leases.extend(ref, ms);
  }

  private async afterCommit(tx: TransactionSql, ref: DeliveryRef, settle: (held: HeldDelivery) => Promise<void>): Promise<void> {
    const held = this.leases.get(ref);
    const earlier = held.awaitedTransaction;
    const xid = await this.watcher.transactionId(tx);
    if (earlier !== null && held.awaitedTransaction === earlier) await this.afterEarlierRolledBack(held, earlier);
    if (held.awaitedTransaction !== null) throw new ValidationError('this delivery already has a settle waiting for a commit');
    this.leases.get(ref); // still held: the lease did not lapse, nor the channel close, while the earlier transaction was checked
    this.leases.suspend(held, xid);
    const pending = this.watcher.outcome(xid).then(async (outcome) => {
      if (outcome !== 'committed') return this.leases.resume(held, xid);
      this.leases.startSettling(held);
      await this.settled(held, settle).catch((error: unknown) => this.logger.warn('settling after the commit failed; the message will be delivered again', { messageId: held.envelope.meta.id, error }));
    });
    const set = this.pendingByChannel.get(held.channel) ?? new Set();
    set.add(pending);
    this.pendingByChannel.set(held.channel, set);
    void pending.finally(() => set.delete(pending));
  }

  /**
   * A settle of this delivery already waits for an earlier transaction. The usual case is
   * a caller settling again after that transaction failed and rolled back (the watcher has
   * not polled since): its state is asked now, and once rolled back it is forgotten and
   * this settle goes ahead. Committed: the delivery is settled (stale). Still open: two
   * settles would wait at once, which is refused.
   */
  private async afterEarlierRolledBack(held: HeldDelivery, earlier: string): Promise<void> {
    const status = await this.watcher.statusNow(earlier);
    if (status === 'committed') throw new StaleDeliveryError(held.envelope.meta.id);
    if (status === 'aborted') this.leases.resume(held, earlier);
  }

  /** Settles made within a transaction that still wait for its commit, on this channel. */
  async pendingOn(channel: amqp.Channel): Promise<void> {
    await Promise.allSettled([...(this.pendingByChannel.get(channel) ?? [])]);
  }

  async allPending(): Promise<void> {
    await Promise.allSettled([...this.pendingByChannel.values()].flatMap((set) => [...set]));
  }

  /** A lapsed lease: the message goes back as recovered (or dies on its last attempt). */
  async lapse(held: HeldDelivery): Promise<void> {
    await this.settlement
      .recover(held.envelope, { channel: held.channel, message: held.message }, 'lease expired on the last attempt')
      .catch((error: unknown) => this.logger.warn('returning a lapsed delivery failed; it comes back when its channel closes', { messageId: held.envelope.meta.id, error }));
  }
}

function checkNackOptions(options: NackOptions): void {
  if (options.delayMs !== undefined && (!Number.isInteger(options.delayMs) || options.delayMs < 0)) {
    throw new ValidationError('delayMs must be a non-negative integer', [{ field: 'delayMs', message: 'must be a non-negative integer' }]);
  }
}
