import type amqp from 'amqplib';
import { retryDelayMs, type NackOptions, type QueuePolicy } from '@interflow/broker';
import { ValidationError, type Logger, type Sql } from '@interflow/core';
import { AckBatcher } from './ack-batcher';
import { releaseDedupeKeys } from './dedupe-keys';
import { deliveryAttempt, withDeath, withMeta, type Envelope } from './envelope';
import type { EnvelopeSender } from './envelope-sender';
import type { HeldDelivery } from './leases';
import type { RateCounter } from './rate-counter';
import type { TopologyCache } from './topology-cache';
import { forgetTracked, trackedDied } from './tracked-messages';

/**
 * How a held delivery leaves: every settle but a plain ack sends a changed copy first
 * (a retry with its attempt counted, a dead letter with its death record, a recovered
 * message) and acks the original once RabbitMQ confirmed the copy. AMQP cannot change a
 * message in place; copy-then-ack never loses one, and a crash between the two leaves
 * both (at-least-once).
 */
export class Settlement {
  constructor(
    private readonly sql: Sql,
    private readonly sender: EnvelopeSender,
    private readonly topology: TopologyCache,
    private readonly rates: RateCounter,
    private readonly logger: Logger,
    private readonly random: () => number,
  ) {}

  /** `ledgerDone`: the tracked-messages row went in the caller's transaction already. */
  async ack(held: HeldDelivery, ledgerDone = false): Promise<void> {
    ackOn(held.channel, held.message);
    this.rates.countAcked(held.envelope.queue);
    await this.releaseKey(held.envelope);
    if (held.envelope.meta.tracked && !ledgerDone) await forgetTracked(this.sql, held.envelope.meta.id);
  }

  async nack(held: HeldDelivery, options: NackOptions = {}): Promise<void> {
    const policy = await this.policyOf(held.envelope.queue);
    const attempt = deliveryAttempt(held.envelope.meta);
    const countAttempt = options.countAttempt !== false;
    if (countAttempt && attempt >= policy.maxAttempts) {
      const detail = `failed ${attempt} of ${policy.maxAttempts} attempts${options.reason ? `: ${options.reason}` : ''}`;
      await this.deadLetter(held, policy, 'max_attempts', detail);
      return;
    }
    const delayMs = options.delayMs ?? retryDelayMs(policy.retryBackoff, attempt, this.random);
    const retry = withMeta(held.envelope, { attempts: countAttempt ? attempt : held.envelope.meta.attempts, recovered: false });
    await this.sender.send([{ envelope: retry, visibleAt: delayMs > 0 ? Date.now() + delayMs : null }]);
    ackOn(held.channel, held.message);
  }

  async reject(held: HeldDelivery, reason: string): Promise<void> {
    await this.deadLetter(held, await this.policyOf(held.envelope.queue), 'rejected', String(reason));
  }

  /** A lapsed lease: back to its queue as recovered with the attempt counted, or dead when that was its last. */
  async recover(envelope: Envelope, original: { channel: amqp.Channel; message: amqp.Message } | null, detail: string): Promise<void> {
    const policy = await this.policyOf(envelope.queue);
    const attempt = deliveryAttempt(envelope.meta);
    if (attempt >= policy.maxAttempts) {
      await this.deadLetterEnvelope(envelope, policy, 'max_attempts', detail);
    } else {
      await this.sender.send([{ envelope: withMeta(envelope, { attempts: attempt, recovered: true }), visibleAt: null }]);
    }
    if (original) ackOn(original.channel, original.message);
  }

  /** A message that arrived expired (it outlived its TTL in a delay queue): dead-lettered as `expired`. */
  async expire(held: HeldDelivery): Promise<void> {
    await this.deadLetter(held, await this.policyOf(held.envelope.queue), 'expired', undefined);
  }

  async deadLetter(held: HeldDelivery, policy: QueuePolicy, reason: string, detail: string | undefined): Promise<void> {
    await this.deadLetterEnvelope(held.envelope, policy, reason, detail);
    ackOn(held.channel, held.message);
  }

  private async deadLetterEnvelope(envelope: Envelope, policy: QueuePolicy, reason: string, detail: string | undefined): Promise<void> {
    const deaths = withDeath(envelope.meta.deaths, envelope.queue, reason, detail, new Date());
    if (policy.deadLetterQueue === null) {
      this.logger.warn('message dropped: its queue has no dead-letter queue', { messageId: envelope.meta.id, queue: envelope.queue, reason });
    } else {
      const dead = withMeta(envelope, { deaths, deadFrom: envelope.queue, recovered: false, expiresAt: null, notBefore: null }, policy.deadLetterQueue);
      await this.sender.send([{ envelope: dead, visibleAt: null }]);
    }
    await this.releaseKey(envelope);
    if (envelope.meta.tracked) await trackedDied(this.sql, envelope.meta.id, policy.deadLetterQueue, deaths[deaths.length - 1]);
  }

  async releaseKey(envelope: Envelope): Promise<void> {
    const key = envelope.meta.dedupeKey;
    if (key === null) return;
    await releaseDedupeKeys(this.sql, [{ queue: envelope.queue, key, messageId: envelope.meta.id }]).catch((error: unknown) =>
      this.logger.warn('freeing a dedupe key failed; it stays taken until the queue is purged', { messageId: envelope.meta.id, error }),
    );
  }

  async policyOf(queue: string): Promise<QueuePolicy> {
    let policy = (await this.topology.recent()).policyOf(queue);
    policy ??= (await this.topology.current()).policyOf(queue);
    if (!policy) throw new ValidationError(`queue '${queue}' no longer exists`);
    return policy;
  }
}

/**
 * Acks on the channel the message came on (gathered with the turn's other acks on a
 * consumer's channel); a closed channel means RabbitMQ put the message back already.
 */
export function ackOn(channel: amqp.Channel, message: amqp.Message): void {
  const batcher = AckBatcher.of(channel);
  if (batcher) {
    batcher.ack(message);
    return;
  }
  try {
    channel.ack(message);
  } catch {
    // The channel closed: the message was requeued and comes again (at-least-once).
  }
}
