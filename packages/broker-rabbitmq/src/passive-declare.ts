import type amqp from 'amqplib';

/**
 * A passive declaration on a channel of its own (a 404 closes the channel): the queue's
 * counts, or null when RabbitMQ has no such queue running (none at all, or, while it
 * brings its queues back after a crash, one not back yet).
 */
export async function passiveDeclare(openChannel: () => Promise<amqp.Channel>, amqpName: string): Promise<amqp.Replies.AssertQueue | null> {
  const channel = await openChannel();
  try {
    return await channel.checkQueue(amqpName);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  } finally {
    await channel.close().catch(() => undefined);
  }
}

/** RabbitMQ's 404: no such queue (or one not running yet). */
export function isNotFound(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 404;
}
