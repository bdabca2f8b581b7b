import type amqp from 'amqplib';

const QUEUE_VERSION = 'x-queue-version';

/**
 * Declares a durable classic queue of the server's default version (version 1 on
 * RabbitMQ 3.10–3.12), as plain amqplib does. On 3.10 a version 2 queue writes every
 * persistent message to its store even when a consumer takes it at once: a message
 * flowing through (the broker's usual case: a consumer waiting) cost RabbitMQ about a
 * millisecond more from publish to delivery and about 40 % more CPU than on version 1, side by
 * side (docs/benchmarks.md; decision 48). A queue made as version 2 by an earlier release
 * (decision 45) keeps its version: RabbitMQ refuses a declaration whose `x-queue-version`
 * differs (406, closing the channel), so the declaration is made again, on a fresh
 * channel, with version 2.
 */
export async function declareDurableQueue(openChannel: () => Promise<amqp.Channel>, name: string, args: Record<string, unknown>): Promise<void> {
  const versioned: Record<string, unknown> = Object.assign({}, args);
  versioned[QUEUE_VERSION] = 2;
  for (const attempt of [args, versioned]) {
    const channel = await openChannel();
    try {
      await channel.assertQueue(name, { durable: true, arguments: attempt });
      return;
    } catch (error) {
      if (attempt === versioned || !isOtherQueueVersion(error)) throw error;
    } finally {
      await channel.close().catch(() => undefined);
    }
  }
}

/** RabbitMQ's answer to a declaration whose queue version differs from the existing queue's. */
export function isOtherQueueVersion(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 406 && error instanceof Error && error.message.includes(`inequivalent arg '${QUEUE_VERSION}'`);
}
