import { insertMovedMessages } from '@interflow/broker-postgres';
import type { PortableMessage } from '@interflow/broker';
import { recordMoved } from './move-ledger';
import type { MoveContext } from './move-context';

/**
 * RabbitMQ → PostgreSQL, a batch at a time: messages are taken (held unacknowledged),
 * stored in PostgreSQL with their ledger rows in one transaction, then acked. A crash
 * before the ack puts them back on RabbitMQ; the next run finds their ids in the ledger
 * and only acks them. So does a second copy of one message (a relay or retry that
 * crashed between send and ack leaves two): it is stored once. Passes over the queues
 * repeat until one finds nothing (expiring messages move between queues meanwhile).
 * Answers how many messages this run stored.
 */
export async function moveMessagesToPostgres(context: MoveContext, queues: string[]): Promise<number> {
  let stored = 0;
  for (;;) {
    let pass = 0;
    let taken = 0;
    for (const queue of queues) {
      const counts = await moveQueue(context, queue);
      pass += counts.stored;
      taken += counts.taken;
    }
    stored += pass;
    if (taken === 0) return stored;
  }
}

async function moveQueue(context: MoveContext, queue: string): Promise<{ taken: number; stored: number }> {
  let taken = 0;
  let stored = 0;
  for (;;) {
    const batch = await context.rabbitmq.take(queue, context.batchSize);
    if (batch.messages.length === 0) {
      await batch.release();
      return { taken, stored };
    }
    let storedNow: number;
    try {
      storedNow = await context.sql.begin(async (tx) => {
        const fresh = await recordMoved(tx, context.moveId, queue, [...new Set(batch.messages.map((message) => message.id))]);
        const { keysDropped } = await insertMovedMessages(tx, firstOf(batch.messages, fresh));
        if (keysDropped > 0) context.logger.warn('dedupe keys held by other messages in PostgreSQL were left off the moved messages', { keysDropped });
        return fresh.size;
      });
      await context.hooks.afterStore?.();
    } catch (error) {
      await batch.release();
      throw error;
    }
    await batch.settle();
    taken += batch.messages.length;
    stored += storedNow;
    context.logger.info('moved a batch to PostgreSQL', { queue, messages: storedNow, duplicates: batch.messages.length - storedNow, movedThisRun: stored });
  }
}

/** The first copy of each message whose id is in `ids`. */
function firstOf(messages: PortableMessage[], ids: Set<string>): PortableMessage[] {
  const seen = new Set<string>();
  return messages.filter((message) => {
    if (!ids.has(message.id) || seen.has(message.id)) return false;
    seen.add(message.id);
    return true;
  });
}
