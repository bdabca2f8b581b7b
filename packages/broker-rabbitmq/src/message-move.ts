import type amqp from 'amqplib';
import type { PortableMessage } from '@interflow/broker';
import type { Sql } from '@interflow/core';
import type { AmqpConnection } from './amqp-connection';
import type { AmqpNames } from './amqp-names';
import { claimDedupeKeys, releaseDedupeKeys } from './dedupe-keys';
import type { Envelope } from './envelope';
import type { EnvelopeSender } from './envelope-sender';
import { markReturned } from './intentional-returns';
import { passiveDeclare } from './passive-declare';
import { decodeMessage, payloadOf } from './message-decoder';
import { delayQueuesOf } from './topology-store';
import { settleTrackedMany, trackMovedIn } from './tracked-messages';

/** Messages taken off RabbitMQ and held (unacknowledged) until the move stored them elsewhere. */
export interface TakenMessages {
  messages: PortableMessage[];
  /** They are stored on the other broker: ack them here (gone once this resolves) and free their dedupe keys. */
  settle(): Promise<void>;
  /** Puts them back, as RabbitMQ does when the holder dies. */
  release(): Promise<void>;
}

interface Held {
  envelope: Envelope;
  message: amqp.GetMessage;
  /** Taken from a delay queue (not redelivered to a consumer when put back). */
  fromDelay: boolean;
}

interface MoveParts {
  sql: Sql;
  connection: AmqpConnection;
  names: AmqpNames;
  sender: EnvelopeSender;
  queueOfAmqpName: (name: string) => string;
}

function toEnvelope(message: PortableMessage, now: number): Envelope {
  const notBefore = message.notBefore !== null && message.notBefore.getTime() > now ? message.notBefore.getTime() : null;
  return {
    queue: message.queue,
    body: JSON.stringify(message.payload),
    priority: message.priority,
    replyTo: message.replyTo,
    correlationId: message.correlationId,
    meta: {
      id: message.id,
      headers: message.headers,
      attempts: message.attempts,
      recovered: false,
      deaths: message.deaths,
      sender: message.sender,
      publishedAt: message.publishedAt.getTime(),
      expiresAt: message.expiresAt?.getTime() ?? null,
      notBefore,
      ackDeadlineMs: message.ackDeadlineMs,
      dedupeKey: message.dedupeKey,
      deadFrom: message.deadFrom,
      tracked: true,
    },
  };
}

function toPortable(envelope: Envelope): PortableMessage {
  const { meta } = envelope;
  return {
    id: meta.id,
    queue: envelope.queue,
    payload: payloadOf(envelope),
    headers: meta.headers,
    priority: envelope.priority,
    publishedAt: new Date(meta.publishedAt),
    notBefore: meta.notBefore === null ? null : new Date(meta.notBefore),
    expiresAt: meta.expiresAt === null ? null : new Date(meta.expiresAt),
    ackDeadlineMs: meta.ackDeadlineMs,
    replyTo: envelope.replyTo,
    correlationId: envelope.correlationId,
    dedupeKey: meta.dedupeKey,
    sender: meta.sender,
    attempts: meta.attempts,
    deaths: meta.deaths,
    deadFrom: meta.deadFrom,
  };
}

/**
 * The RabbitMQ broker's half of the broker move (docs/broker-rabbitmq.md, "Moving
 * between the brokers"): send messages in with everything they carry (ids, attempts,
 * deaths, remaining delay, dedupe keys), find which of some ids a queue holds, and take
 * messages out, held until the other broker stored them.
 */
export class RabbitmqMessageMove {
  constructor(private readonly parts: MoveParts) {}

  /** Consumers RabbitMQ itself counts on these queues now, whichever process holds them. */
  async consumerCount(queues: string[]): Promise<number> {
    let total = 0;
    for (const queue of queues) total += (await this.check(this.parts.names.queue(queue)))?.consumerCount ?? 0;
    return total;
  }

  /**
   * Sends the messages with publisher confirms (delayed ones through the delay queues,
   * for what remains of their delay). A dedupe key another message of the queue holds
   * is left off; answers how many were.
   */
  async send(messages: PortableMessage[]): Promise<{ keysDropped: number }> {
    const now = Date.now();
    const envelopes = messages.map((message) => toEnvelope(message, now));
    const keyed = envelopes.filter((envelope) => envelope.meta.dedupeKey !== null);
    const holders = await claimDedupeKeys(this.parts.sql, keyed.map((e) => ({ queue: e.queue, key: e.meta.dedupeKey!, messageId: e.meta.id })));
    let keysDropped = 0;
    keyed.forEach((envelope, index) => {
      const holder = holders[index];
      if (holder && holder !== envelope.meta.id) {
        envelope.meta.dedupeKey = null;
        keysDropped++;
      }
    });
    await trackMovedIn(this.parts.sql, envelopes);
    await this.parts.sender.send(envelopes.map((envelope) => ({ envelope, visibleAt: envelope.meta.notBefore })), now);
    return { keysDropped };
  }

  /** Which of `ids` the queue (or its delay queues) holds: every message is looked at and put back. */
  async locate(queue: string, ids: string[]): Promise<Set<string>> {
    const wanted = new Set(ids);
    const found = new Set<string>();
    const taken = await this.takeAll(queue, Number.MAX_SAFE_INTEGER);
    try {
      for (const { envelope } of taken.held) if (wanted.has(envelope.meta.id)) found.add(envelope.meta.id);
    } finally {
      await this.putBack(taken.channel, taken.held);
    }
    return found;
  }

  /** Takes up to `max` messages of the queue (its delay queues first), held until settled or released. */
  async take(queue: string, max: number): Promise<TakenMessages> {
    const { channel, held } = await this.takeAll(queue, max);
    return {
      messages: held.map(({ envelope }) => toPortable(envelope)),
      settle: async () => {
        for (const { message } of held) channel.ack(message);
        // RabbitMQ handles a channel's frames in order: once the close is answered, the acks were applied.
        await channel.close();
        const keyed = held.filter(({ envelope }) => envelope.meta.dedupeKey !== null);
        await releaseDedupeKeys(this.parts.sql, keyed.map(({ envelope }) => ({ queue, key: envelope.meta.dedupeKey!, messageId: envelope.meta.id })));
        await settleTrackedMany(this.parts.sql, held.map(({ envelope }) => envelope.meta.id));
      },
      release: () => this.putBack(channel, held),
    };
  }

  private async takeAll(queue: string, max: number): Promise<{ channel: amqp.Channel; held: Held[] }> {
    const { names } = this.parts;
    const sources = [
      ...(await delayQueuesOf(this.parts.sql, queue)).map((delayMs) => ({ name: names.delayQueue(queue, delayMs), fromDelay: true })),
      { name: names.queue(queue), fromDelay: false },
    ];
    const channel = await this.parts.connection.channel();
    const held: Held[] = [];
    try {
      for (const source of sources) {
        // RabbitMQ closes a channel that names a missing queue (a delay queue expires once unused).
        if (held.length >= max || (await this.check(source.name)) === null) continue;
        while (held.length < max) {
          const message = await channel.get(source.name, { noAck: false });
          if (message === false) break;
          held.push({ envelope: decodeMessage(message, queue, names, this.parts.queueOfAmqpName), message, fromDelay: source.fromDelay });
        }
      }
    } catch (error) {
      await channel.close().catch(() => undefined);
      throw error;
    }
    return { channel, held };
  }

  /** A queue's counts, or null when it does not exist (checked on a channel of its own). */
  private check(amqpName: string): Promise<amqp.Replies.AssertQueue | null> {
    return passiveDeclare(() => this.parts.connection.channel(), amqpName);
  }

  /** Puts messages back; those of the queue itself are marked as returned on purpose, so their redelivery does not count an attempt. */
  private async putBack(channel: amqp.Channel, held: Held[]): Promise<void> {
    await markReturned(this.parts.sql, held.filter((entry) => !entry.fromDelay).map((entry) => entry.envelope.meta.id));
    await channel.close().catch(() => undefined);
  }
}
