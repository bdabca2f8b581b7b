import type amqp from 'amqplib';
import type { MessageHeaders } from '@interflow/broker';
import type { EnvelopeMeta } from './envelope';

/** The AMQP header that carries what the contract knows about a message beyond AMQP's properties. */
export const META_HEADER = 'x-interflow-broker';

/** Header names the broker or RabbitMQ write: a publication may not use them. */
export function isReservedHeader(name: string): boolean {
  return name === META_HEADER || name.startsWith('x-death') || name.startsWith('x-first-death') || name.startsWith('x-last-death');
}

/** The meta beyond AMQP properties, short keys, defaults left out: a fresh message carries no `x-interflow` header at all (a long header halves RabbitMQ's delivery rate). */
interface CompactMeta {
  a?: number;
  r?: 1;
  d?: EnvelopeMeta['deaths'];
  s?: string;
  e?: number;
  n?: number;
  k?: number;
  u?: string;
  f?: string;
  t?: 1;
}

/**
 * Properties and headers of a message: id in `messageId`, publish time in `timestamp`
 * (milliseconds), the user's headers as AMQP headers, the rest compactly in `x-interflow`.
 */
export function encodeMeta(meta: EnvelopeMeta): { messageId: string; timestamp: number; headers: Record<string, unknown> } {
  const compact: CompactMeta = {};
  if (meta.attempts !== 0) compact.a = meta.attempts;
  if (meta.recovered) compact.r = 1;
  if (meta.deaths.length > 0) compact.d = meta.deaths;
  if (meta.sender !== null) compact.s = meta.sender;
  if (meta.expiresAt !== null) compact.e = meta.expiresAt;
  if (meta.notBefore !== null) compact.n = meta.notBefore;
  if (meta.ackDeadlineMs !== null) compact.k = meta.ackDeadlineMs;
  if (meta.dedupeKey !== null) compact.u = meta.dedupeKey;
  if (meta.deadFrom !== null) compact.f = meta.deadFrom;
  if (meta.tracked) compact.t = 1;
  const headers: Record<string, unknown> = { ...meta.headers };
  if (Object.keys(compact).length > 0) headers[META_HEADER] = JSON.stringify(compact);
  return { messageId: meta.id, timestamp: meta.publishedAt, headers };
}

function headerText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return null;
}

/**
 * The meta of a received message. A message some other AMQP client published (no
 * message id) gets a generated id and the scalar headers it carries.
 */
export function decodeMeta(properties: amqp.MessageProperties, fallbackId: () => string): EnvelopeMeta {
  const raw = (properties.headers ?? {}) as Record<string, unknown>;
  const text = headerText(raw[META_HEADER]);
  const compact = (text ? JSON.parse(text) : {}) as CompactMeta;
  const headers: MessageHeaders = {};
  for (const [key, value] of Object.entries(raw)) {
    if (isReservedHeader(key)) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') headers[key] = value;
    else if (Buffer.isBuffer(value)) headers[key] = value.toString('utf8');
  }
  const meta: EnvelopeMeta = {
    id: typeof properties.messageId === 'string' && properties.messageId !== '' ? properties.messageId : fallbackId(),
    headers,
    attempts: compact.a ?? 0,
    recovered: compact.r === 1,
    deaths: compact.d ?? [],
    sender: compact.s ?? (typeof properties.appId === 'string' ? properties.appId : null),
    publishedAt: typeof properties.timestamp === 'number' ? properties.timestamp : Date.now(),
    expiresAt: compact.e ?? null,
    notBefore: compact.n ?? null,
    ackDeadlineMs: compact.k ?? null,
    dedupeKey: compact.u ?? null,
    deadFrom: compact.f ?? null,
  };
  if (compact.t === 1) meta.tracked = true;
  return meta;
}
