import type amqp from 'amqplib';
import { type Sql } from '@interflow/core';
import type { AmqpNames } from './amqp-names';
import type { Envelope } from './envelope';
import type { EnvelopeSender } from './envelope-sender';
import { takeReturnMark } from './intentional-returns';
import { decodeMessage } from './message-decoder';
import { ackOn, type Settlement } from './settlement';

/** A delivery may arrive this much before its time (clock skew between hosts) and still be handed over. */
const EARLY_TOLERANCE_MS = 5;

/**
 * What happens to a message as it arrives from RabbitMQ, before anyone may hold it: a
 * redelivery nobody returned on purpose is a lost lease (recovered, its attempt
 * counted); a message that expired while delayed is dead-lettered as `expired`; one
 * that is early goes back to wait. Answers the envelope to hand over, or null.
 */
export async function arrive(
  parts: { sql: Sql; names: AmqpNames; settlement: Settlement; sender: EnvelopeSender; queueOfAmqpName: (name: string) => string },
  queue: string,
  channel: amqp.Channel,
  message: amqp.Message,
): Promise<Envelope | null> {
  const envelope = decodeMessage(message, queue, parts.names, parts.queueOfAmqpName);
  if (message.fields.redelivered && !(await takeReturnMark(parts.sql, envelope.meta.id))) {
    await parts.settlement.recover(envelope, { channel, message }, 'lease expired on the last attempt');
    return null;
  }
  const now = Date.now();
  if (envelope.meta.expiresAt !== null && envelope.meta.expiresAt <= now) {
    const policy = await parts.settlement.policyOf(queue);
    await parts.settlement.deadLetter({ envelope, channel, message, token: '', leaseExpiresAt: 0, onLeaseLost: null, awaitedTransaction: null, settling: true }, policy, 'expired', undefined);
    return null;
  }
  if (envelope.meta.notBefore !== null && envelope.meta.notBefore > now + EARLY_TOLERANCE_MS) {
    await parts.sender.send([{ envelope, visibleAt: envelope.meta.notBefore }]);
    ackOn(channel, message);
    return null;
  }
  return envelope;
}
