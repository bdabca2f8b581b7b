import type amqp from 'amqplib';

/** What to send for the acks gathered since the last flush: one `multiple` ack for a settled prefix, single acks for the rest. */
export interface AckFrames {
  /** Ack every delivery up to and including this tag with one frame (`multiple`), or null. */
  upTo: number | null;
  /** Tags acked one by one: a delivery before them is still held. */
  single: number[];
}

/**
 * Decides the ack frames for one channel. `outstanding` lists the tags RabbitMQ holds
 * unacknowledged for us, in delivery order (RabbitMQ numbers a channel's deliveries
 * upwards); `acked` are those settled since the last flush. The settled prefix goes as
 * one `multiple` ack, whose tag must itself be unacknowledged (RabbitMQ closes the
 * channel otherwise); every other settled tag is acked alone, never waiting behind a
 * delivery a slow handler still holds. Answers the frames and the tags still held.
 */
export function ackFramesFor(outstanding: readonly number[], acked: ReadonlySet<number>): AckFrames & { stillHeld: number[] } {
  let prefix = 0;
  while (prefix < outstanding.length && acked.has(outstanding[prefix]!)) prefix++;
  const upTo = prefix > 1 ? outstanding[prefix - 1]! : null;
  const single = [...acked].filter((tag) => upTo === null || tag > upTo).sort((a, b) => a - b);
  const stillHeld = outstanding.slice(prefix).filter((tag) => !acked.has(tag));
  return { upTo, single, stillHeld };
}

const batchers = new WeakMap<amqp.Channel, AckBatcher>();

/**
 * Gathers the acks a consumer's channel makes while the handlers of one batch of
 * arrived frames run (the microtasks of one event-loop callback) and sends them as few
 * frames as the order allows (ackFramesFor): a drain acks hundreds of deliveries a
 * turn, and each single ack is a frame RabbitMQ parses. The acks are handed to amqplib
 * on `process.nextTick`, which runs once those microtasks are done, so they leave in the
 * same turn's socket write as the publishes of that turn (with `setImmediate` they
 * waited a whole further turn of the loop: amqplib writes a channel's frames on its own
 * `setImmediate`, queued for the turn after). Always sent before the channel's own nacks
 * and its close (`flush`). Deliveries taken by `basic.get` on other channels are acked
 * at once, as before (`ackOn` finds no batcher for them).
 */
export class AckBatcher {
  private outstanding: number[] = [];
  private acked = new Set<number>();
  private flushQueued = false;

  private constructor(private readonly channel: amqp.Channel) {}

  /** The batcher of a consumer channel: every delivery on it must be `received` here. */
  static attach(channel: amqp.Channel): AckBatcher {
    const batcher = new AckBatcher(channel);
    batchers.set(channel, batcher);
    channel.once('close', () => batcher.discard());
    return batcher;
  }

  static of(channel: amqp.Channel): AckBatcher | undefined {
    return batchers.get(channel);
  }

  received(message: amqp.Message): void {
    this.outstanding.push(message.fields.deliveryTag);
  }

  ack(message: amqp.Message): void {
    this.acked.add(message.fields.deliveryTag);
    if (this.flushQueued) return;
    this.flushQueued = true;
    process.nextTick(() => {
      if (this.flushQueued) this.flush();
    });
  }

  /** Nacks with requeue, after the gathered acks; the tags leave the outstanding list. */
  requeue(messages: amqp.Message[]): void {
    this.flush();
    const gone = new Set(messages.map((message) => message.fields.deliveryTag));
    this.outstanding = this.outstanding.filter((tag) => !gone.has(tag));
    for (const message of messages) this.channel.nack(message, false, true);
  }

  /** Sends the gathered acks now. Throws nothing: a closed channel means RabbitMQ put the messages back already. */
  flush(): void {
    this.flushQueued = false;
    if (this.acked.size === 0) return;
    const frames = ackFramesFor(this.outstanding, this.acked);
    this.outstanding = frames.stillHeld;
    this.acked = new Set();
    try {
      if (frames.upTo !== null) this.channel.ack(tagged(frames.upTo), true);
      for (const tag of frames.single) this.channel.ack(tagged(tag), false);
    } catch {
      // The channel closed: its deliveries were requeued and come again (at-least-once).
    }
  }

  private discard(): void {
    this.flushQueued = false;
    this.outstanding = [];
    this.acked = new Set();
    if (batchers.get(this.channel) === this) batchers.delete(this.channel);
  }
}

/** amqplib acks by `message.fields.deliveryTag` only. */
function tagged(deliveryTag: number): amqp.Message {
  return { fields: { deliveryTag } } as amqp.Message;
}
