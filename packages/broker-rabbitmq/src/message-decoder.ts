import crypto from 'node:crypto';
import type amqp from 'amqplib';
import type { DeathRecord } from '@interflow/broker';
import type { AmqpNames } from './amqp-names';
import type { Envelope } from './envelope';
import { decodeMeta } from './wire-format';

interface NativeDeath {
  queue?: unknown;
  reason?: unknown;
  time?: unknown;
}

function deathTime(time: unknown): string {
  const seconds = typeof time === 'number' ? time : typeof time === 'object' && time !== null && 'value' in time ? Number((time as { value: unknown }).value) : NaN;
  return Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : new Date().toISOString();
}

/**
 * An AMQP message back into an envelope. Deaths RabbitMQ recorded itself (x-death:
 * expired, maxlen) are added to the ones the broker recorded; passages through the
 * broker's delay queues are not deaths.
 */
export function decodeMessage(message: amqp.Message, queue: string, names: AmqpNames, queueOfAmqpName: (amqpName: string) => string): Envelope {
  const properties = message.properties;
  const headers = (properties.headers ?? {}) as Record<string, unknown>;
  const meta = decodeMeta(properties, () => `amqp-${crypto.randomUUID()}`);
  const native = Array.isArray(headers['x-death']) ? ([...(headers['x-death'] as NativeDeath[])].reverse()) : [];
  let deaths: DeathRecord[] = meta.deaths;
  let deadFrom = meta.deadFrom;
  for (const death of native) {
    const amqpQueue = typeof death.queue === 'string' ? death.queue : '';
    if (names.isDelayQueue(amqpQueue)) continue;
    const from = queueOfAmqpName(amqpQueue);
    const reason = typeof death.reason === 'string' ? death.reason : 'unknown';
    const count = deaths.filter((d) => d.queue === from && d.reason === reason).length + 1;
    deaths = [...deaths, { queue: from, reason, count, time: deathTime(death.time) }];
    deadFrom = from;
  }
  return {
    queue,
    body: message.content.toString('utf8'),
    priority: typeof properties.priority === 'number' ? properties.priority : 3,
    replyTo: typeof properties.replyTo === 'string' ? properties.replyTo : null,
    correlationId: typeof properties.correlationId === 'string' ? properties.correlationId : null,
    meta: { ...meta, deaths, deadFrom },
  };
}

/** The payload as JSON; a body that is not JSON (a foreign publisher's) as its text. */
export function payloadOf(envelope: Envelope): unknown {
  try {
    return JSON.parse(envelope.body) as unknown;
  } catch {
    return envelope.body;
  }
}
