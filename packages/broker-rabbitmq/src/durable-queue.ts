import type amqp from 'amqplib';
import { passiveDeclare } from './passive-declare';

const QUEUE_VERSION = 'x-queue-version';

/**
 * How long RabbitMQ may keep a declaration it has answered in memory only. On 3.10–3.12
 * the metadata store (Mnesia) writes through an Erlang disk_log, which holds what it is
 * given for up to 2 s (or 64 KB) before it hands it to the file; a SIGKILL in that time
 * loses the queue, and with it every message confirmed into it (decision 68: measured on
 * a private node, a queue declared just before the kill was gone in 3 of 11 restarts).
 * The default leaves a margin over the 2 s for a loaded machine.
 */
export const DEFAULT_DECLARATION_SETTLE_MS = 3000;

/**
 * Declares a durable classic queue of the server's default version (version 1 on
 * RabbitMQ 3.10–3.12), as plain amqplib does, and answers whether it made the queue (a
 * passive declaration first tells). On 3.10 a version 2 queue writes every
 * persistent message to its store even when a consumer takes it at once: a message
 * flowing through (the broker's usual case: a consumer waiting) cost RabbitMQ about a
 * millisecond more from publish to delivery and about 40 % more CPU than on version 1, side by
 * side (docs/benchmarks.md; decision 48). A queue made as version 2 by an earlier release
 * (decision 45) keeps its version: RabbitMQ refuses a declaration whose `x-queue-version`
 * differs (406, closing the channel), so the declaration is made again, on a fresh
 * channel, with version 2.
 */
export async function declareDurableQueue(openChannel: () => Promise<amqp.Channel>, name: string, args: Record<string, unknown>): Promise<{ created: boolean }> {
  const existed = (await passiveDeclare(openChannel, name)) !== null;
  const versioned: Record<string, unknown> = Object.assign({}, args);
  versioned[QUEUE_VERSION] = 2;
  for (const attempt of [args, versioned]) {
    const channel = await openChannel();
    try {
      await channel.assertQueue(name, { durable: true, arguments: attempt });
      return { created: !existed };
    } catch (error) {
      if (attempt === versioned || !isOtherQueueVersion(error)) throw error;
    } finally {
      await channel.close().catch(() => undefined);
    }
  }
  throw new Error(`declaring queue '${name}' made no attempt`);
}

/** RabbitMQ's answer to a declaration whose queue version differs from the existing queue's. */
export function isOtherQueueVersion(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 406 && error instanceof Error && error.message.includes(`inequivalent arg '${QUEUE_VERSION}'`);
}
