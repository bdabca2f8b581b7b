import crypto from 'node:crypto';
import type amqp from 'amqplib';
import { type DeathRecord, type MessageHeaders } from '@interflow/broker';
import type { AmqpNames } from './amqp-names';
import { META_HEADER, type Envelope, type EnvelopeMeta } from './envelope';

interface NativeDeath {
  queue?: unknown;
  reason?: unknown;
  time?: unknown;
}

function deathTime(time: unknown): string {
  const seconds = typeof time === 'number' ? time : typeof time === 'object' && time !== null && 'value' in time ? Number((time as { value: unknown }).value) : NaN;
  return Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : new Date().toISOString();
}

function scalarHeaders(headers: Record<string, unknown>): MessageHeaders {
  const scalars: MessageHeaders = {};
  for (const [key, value] of Object.entries(headers)) {
    if (key === META_HEADER || key.startsWith('x-')) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') scalars[key] = value;
  }
  return scalars;
}

/**
 * An AMQP message back into an envelope. Deaths RabbitMQ recorded itself (x-death:
 * expired, maxlen) are added to the ones the broker recorded; passages through the
 * broker's delay queues are not deaths. A message some other AMQP client published
 * (no `x-interflow` header) gets an envelope of what its properties say.
 */
export function decodeMessage(message: amqp.Message, queue: string, names: AmqpNames, queueOfAmqpName: (amqpName: string) => string): Envelope {
  const properties = message.properties;
  const headers = (properties.headers ?? {}) as Record<string, unknown>;
  const raw = headers[META_HEADER];
  const text = typeof raw === 'string' ? raw : Buffer.isBuffer(raw) ? raw.toString('utf8') : null;
  const meta: EnvelopeMeta = text
    ? (JSON.parse(text) as EnvelopeMeta)
    : {
        id: typeof properties.messageId === 'string' ? properties.messageId : `amqp-${crypto.randomUUID()}`,
        headers: scalarHeaders(headers),
        attempts: 0,
        recovered: false,
        deaths: [],
        sender: typeof properties.appId === 'string' ? properties.appId : null,
        publishedAt: typeof properties.timestamp === 'number' ? properties.timestamp * 1000 : Date.now(),
        expiresAt: null,
        notBefore: null,
        ackDeadlineMs: null,
        dedupeKey: null,
        deadFrom: null,
      };
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
