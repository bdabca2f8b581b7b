import { InterflowError, LimitExceededError } from '@interflow/core';

/** A mandatory publication matched no queue (and no alternate exchange took it). */
export class UnroutableError extends InterflowError {
  constructor(exchange: string, routingKey: string) {
    const where = exchange === '' ? 'the default exchange' : `exchange '${exchange}'`;
    super('unroutable', `no queue is bound to ${where} for routing key '${routingKey}' (mandatory publish)`, 422, {
      exchange,
      routingKey,
    });
  }
}

/** The delivery's lease was lost (expired and re-delivered, or already settled): the settle is refused. */
export class StaleDeliveryError extends InterflowError {
  constructor(messageId: string) {
    super('stale_delivery', `delivery of message ${messageId} no longer holds its lease (expired or already settled)`, 409, {
      messageId,
    });
  }
}

/** A publish would make a queue with `overflow: reject_publish` longer than its max length. */
export class QueueFullError extends LimitExceededError {
  constructor(queue: string, maxLength: number) {
    super(`queue '${queue}' is full (max length ${maxLength}, overflow reject_publish)`, { queue, maxLength });
  }
}
