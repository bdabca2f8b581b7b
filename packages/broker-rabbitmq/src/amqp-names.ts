import crypto from 'node:crypto';

/** AMQP names are short strings: at most 255 bytes. */
const MAX_AMQP_NAME_BYTES = 255;
/** Names Interflow's RabbitMQ broker makes for itself, beside the user's topology. */
const INTERNAL = 'interflow.broker.';

/**
 * How contract names map to RabbitMQ names. A `prefix` lets several installations (or
 * test files) share one virtual host; a name that would not fit is shortened with a
 * hash, so the mapping stays deterministic without a lookup table.
 */
export class AmqpNames {
  constructor(readonly prefix: string = '') {}

  queue(name: string): string {
    return this.fit(`${this.prefix}${name}`);
  }

  /** The default exchange stays the nameless one. */
  exchange(name: string): string {
    return name === '' ? '' : this.fit(`${this.prefix}${name}`);
  }

  /** Where RabbitMQ dead-letters a queue's expired and overflowed messages (direct, keyed by the queue's AMQP name). */
  deadLetterExchange(): string {
    return this.fit(`${this.prefix}${INTERNAL}dead-letter`);
  }

  /** A queue that holds messages for `queue` for `delayMs`, then dead-letters them into it. */
  delayQueue(queue: string, delayMs: number): string {
    return this.fit(`${this.prefix}${INTERNAL}delay.${delayMs}.${queue}`);
  }

  isDelayQueue(amqpName: string): boolean {
    return amqpName.startsWith(`${this.prefix}${INTERNAL}delay.`);
  }

  private fit(name: string): string {
    if (Buffer.byteLength(name) <= MAX_AMQP_NAME_BYTES) return name;
    const hash = crypto.createHash('sha256').update(name).digest('hex').slice(0, 32);
    let head = name.slice(0, 200);
    while (Buffer.byteLength(head) > 200) head = head.slice(0, -1);
    return `${head}~${hash}`;
  }
}
