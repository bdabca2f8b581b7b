import { deleteMovedMessages, readMessagesById, readMovableMessages } from '@interflow/broker-postgres';
import type { PortableMessage } from '@interflow/broker';
import { inDoubt, markMoved, recordSending } from './move-ledger';
import type { MoveContext } from './move-context';

/**
 * PostgreSQL → RabbitMQ, a batch at a time: the ledger says "sending" (committed), the
 * batch is published with confirms, then one transaction deletes it from PostgreSQL and
 * says "moved". A crash in between leaves the batch in doubt: the next run looks for its
 * ids on RabbitMQ and sends only what is not there. Passes over the queues repeat until
 * one moves nothing. Answers how many messages this run moved.
 */
export async function moveMessagesToRabbitmq(context: MoveContext, queues: string[]): Promise<number> {
  await settleInDoubt(context);
  let moved = 0;
  for (;;) {
    let pass = 0;
    for (const queue of queues) pass += await moveQueue(context, queue);
    moved += pass;
    if (pass === 0) return moved;
  }
}

async function moveQueue(context: MoveContext, queue: string): Promise<number> {
  let afterId = '0';
  let moved = 0;
  for (;;) {
    const batch = await readMovableMessages(context.sql, queue, afterId, context.batchSize);
    if (batch.length === 0) return moved;
    const ids = batch.map((message) => message.id);
    await recordSending(context.sql, context.moveId, queue, ids);
    await context.hooks.beforeSend?.();
    await send(context, batch);
    await context.hooks.afterSend?.();
    await deleteFromPostgres(context, ids);
    afterId = ids[ids.length - 1]!;
    moved += batch.length;
    context.logger.info('moved a batch to RabbitMQ', { queue, messages: batch.length, movedThisRun: moved });
  }
}

async function send(context: MoveContext, messages: PortableMessage[]): Promise<void> {
  const { keysDropped } = await context.rabbitmq.send(messages);
  if (keysDropped > 0) context.logger.warn('dedupe keys held by other messages on RabbitMQ were left off the moved messages', { keysDropped });
}

/** Deletes the sent batch and records it moved, in one transaction. */
async function deleteFromPostgres(context: MoveContext, ids: string[]): Promise<void> {
  await context.sql.begin(async (tx) => {
    const deleted = new Set(await deleteMovedMessages(tx, ids));
    const held = ids.filter((id) => !deleted.has(id));
    // Only a consumer started against the refusal can have taken one meanwhile: it is on both brokers now.
    if (held.length > 0) context.logger.error('messages were taken by a consumer during the move and are now on both brokers', { ids: held });
    await markMoved(tx, context.moveId, ids);
  });
}

/** Batches a crashed run left between publish and delete: what RabbitMQ holds is only deleted here, the rest is sent again. */
async function settleInDoubt(context: MoveContext): Promise<void> {
  for (const [queue, ids] of await inDoubt(context.sql, context.moveId)) {
    const there = await context.rabbitmq.locate(queue, ids);
    const missing = await readMessagesById(context.sql, ids.filter((id) => !there.has(id)));
    if (missing.length > 0) await send(context, missing);
    await deleteFromPostgres(context, ids);
    context.logger.info('settled a batch a crashed move left in doubt', { queue, messages: ids.length, foundOnRabbitmq: there.size, sentAgain: missing.length });
  }
}
