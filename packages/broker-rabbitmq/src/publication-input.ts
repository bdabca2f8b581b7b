import { validateHeaders, type MessageHeaders, type Publication } from '@interflow/broker';
import { ValidationError } from '@interflow/core';
import { isReservedHeader } from './wire-format';

/** A publication checked and normalized: what routing and the envelope need. */
export interface CheckedPublication {
  exchange: string;
  routingKey: string;
  mandatory: boolean;
  body: string;
  headers: MessageHeaders;
  priority: number;
  notBefore: number | null;
  expiresAt: number | null;
  ackDeadlineMs: number | null;
  replyTo: string | null;
  correlationId: string | null;
  dedupeKey: string | null;
  sender: string | null;
}

function fail(field: string, message: string): never {
  throw new ValidationError(`${field} ${message}`, [{ field, message }]);
}

function optionalString(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') fail(field, 'must be a string');
  return value;
}

function optionalMs(value: unknown, field: string, min: number): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > 2_147_483_647) fail(field, `must be an integer >= ${min}`);
  return value;
}

function optionalDate(value: unknown, field: string): number | null {
  if (value === undefined || value === null) return null;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) fail(field, 'must be a valid Date');
  return value.getTime();
}

function serializePayload(payload: unknown, field: string): string {
  if (payload === undefined) fail(field, 'is required (any JSON value)');
  if (typeof payload === 'function' || typeof payload === 'symbol') fail(field, 'must be a JSON value');
  try {
    const text = JSON.stringify(payload);
    if (text === undefined) fail(field, 'must be a JSON value');
    return text;
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    return fail(field, 'must be serializable as JSON');
  }
}

/**
 * The same checks as the PostgreSQL broker's, with the same field names in the
 * ValidationError (a priority out of 1..5, a payload that is not JSON), so a bad
 * publication is refused before anything is sent. `now` turns relative times absolute.
 */
export function checkPublication(publication: Publication, now: number, prefix = ''): CheckedPublication {
  const field = (name: string) => `${prefix}${name}`;
  if (publication === null || typeof publication !== 'object') fail(field('publication'), 'must be an object');
  if (typeof publication.exchange !== 'string') fail(field('exchange'), 'must be a string');
  if (typeof publication.routingKey !== 'string') fail(field('routingKey'), 'must be a string');
  const message = publication.message;
  if (message === null || typeof message !== 'object') fail(field('message'), 'must be an object');
  const body = serializePayload(message.payload, field('message.payload'));
  const headers = message.headers ?? {};
  validateHeaders(headers, field('message.headers'));
  for (const name of Object.keys(headers)) {
    if (isReservedHeader(name)) fail(field(`message.headers.${name}`), 'is reserved on RabbitMQ (x-interflow-broker, x-death, x-first-death…, x-last-death…)');
  }
  const priority = message.priority ?? 3;
  if (!Number.isInteger(priority) || priority < 1 || priority > 5) fail(field('message.priority'), 'must be an integer from 1 to 5');
  const notBefore = optionalDate(message.notBefore, field('message.notBefore'));
  const delayMs = optionalMs(message.delayMs, field('message.delayMs'), 0);
  const expiresAt = optionalDate(message.expiresAt, field('message.expiresAt'));
  const ttlMs = optionalMs(message.ttlMs, field('message.ttlMs'), 1);
  const visibleAt = Math.max(notBefore ?? now, delayMs === null ? now : now + delayMs);
  const expiries = [expiresAt, ttlMs === null ? null : now + ttlMs].filter((value): value is number => value !== null);
  return {
    exchange: publication.exchange,
    routingKey: publication.routingKey,
    mandatory: publication.mandatory === true,
    body,
    headers,
    priority,
    notBefore: visibleAt > now ? visibleAt : null,
    expiresAt: expiries.length > 0 ? Math.min(...expiries) : null,
    ackDeadlineMs: optionalMs(message.ackDeadlineMs, field('message.ackDeadlineMs'), 1),
    replyTo: optionalString(message.replyTo, field('message.replyTo')),
    correlationId: optionalString(message.correlationId, field('message.correlationId')),
    dedupeKey: optionalString(message.dedupeKey, field('message.dedupeKey')),
    sender: optionalString(message.sender, field('message.sender')),
  };
}
