import { ValidationError } from '@interflow/core';
import type { Publication } from './broker';
import { validateHeaders } from './routing';

/**
 * One publication as the publish statement reads it (a row of `jsonb_to_recordset`).
 * Absent fields are left out rather than sent as null: bulk publishes send thousands of
 * rows, and the JSON is half the cost.
 */
export interface PublicationRow {
  ord: number;
  exchange: string;
  routing_key: string;
  payload: unknown;
  priority: number;
  headers?: Record<string, unknown>;
  not_before?: string;
  delay_ms?: number;
  expires_at?: string;
  ttl_ms?: number;
  ack_deadline_ms?: number;
  reply_to?: string;
  correlation_id?: string;
  dedupe_key?: string;
  sender?: string;
  mandatory?: boolean;
}

function fail(field: string, message: string): never {
  throw new ValidationError(`${field} ${message}`, [{ field, message }]);
}

/** Names a field of the publication being validated (with its batch position, if any). */
type FieldName = (name: string) => string;

function optionalString(value: unknown, field: FieldName, name: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') fail(field(name), 'must be a string');
  return value;
}

function optionalMs(value: unknown, field: FieldName, name: string, min: number): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > 2_147_483_647) fail(field(name), `must be an integer >= ${min}`);
  return value;
}

function optionalDate(value: unknown, field: FieldName, name: string): string | null {
  if (value === undefined || value === null) return null;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) fail(field(name), 'must be a valid Date');
  return value.toISOString();
}

/**
 * Validates a publication and turns it into the row the publish statement reads. Throws
 * a ValidationError naming the field (a priority out of 1..5, a payload that is not
 * JSON), so a bad publication is refused before anything is stored. `batchIndex` is the
 * publication's place in a batch: errors then name it (`[3].message.priority`). Bulk
 * publishes validate thousands of rows, so this allocates nothing it does not keep.
 */
export function publicationRow(publication: Publication, ord: number, batchIndex?: number): PublicationRow {
  const field = (name: string) => (batchIndex === undefined ? name : `[${batchIndex}].${name}`);
  if (publication === null || typeof publication !== 'object') fail(field('publication'), 'must be an object');
  if (typeof publication.exchange !== 'string') fail(field('exchange'), 'must be a string');
  if (typeof publication.routingKey !== 'string') fail(field('routingKey'), 'must be a string');
  const message = publication.message;
  if (message === null || typeof message !== 'object') fail(field('message'), 'must be an object');
  if (message.payload === undefined) fail(field('message.payload'), 'is required (any JSON value)');
  if (typeof message.payload === 'function' || typeof message.payload === 'symbol') fail(field('message.payload'), 'must be a JSON value');
  const priority = message.priority ?? 3;
  if (!Number.isInteger(priority) || priority < 1 || priority > 5) fail(field('message.priority'), 'must be an integer from 1 to 5');
  const row: PublicationRow = { ord, exchange: publication.exchange, routing_key: publication.routingKey, payload: message.payload, priority };
  if (message.headers !== undefined && message.headers !== null) {
    validateHeaders(message.headers, field('message.headers'));
    if (Object.keys(message.headers).length > 0) row.headers = message.headers;
  }
  const notBefore = optionalDate(message.notBefore, field, 'message.notBefore');
  if (notBefore !== null) row.not_before = notBefore;
  const delayMs = optionalMs(message.delayMs, field, 'message.delayMs', 0);
  if (delayMs !== null) row.delay_ms = delayMs;
  const expiresAt = optionalDate(message.expiresAt, field, 'message.expiresAt');
  if (expiresAt !== null) row.expires_at = expiresAt;
  const ttlMs = optionalMs(message.ttlMs, field, 'message.ttlMs', 1);
  if (ttlMs !== null) row.ttl_ms = ttlMs;
  const ackDeadlineMs = optionalMs(message.ackDeadlineMs, field, 'message.ackDeadlineMs', 1);
  if (ackDeadlineMs !== null) row.ack_deadline_ms = ackDeadlineMs;
  const replyTo = optionalString(message.replyTo, field, 'message.replyTo');
  if (replyTo !== null) row.reply_to = replyTo;
  const correlationId = optionalString(message.correlationId, field, 'message.correlationId');
  if (correlationId !== null) row.correlation_id = correlationId;
  const dedupeKey = optionalString(message.dedupeKey, field, 'message.dedupeKey');
  if (dedupeKey !== null) row.dedupe_key = dedupeKey;
  const sender = optionalString(message.sender, field, 'message.sender');
  if (sender !== null) row.sender = sender;
  if (publication.mandatory === true) row.mandatory = true;
  return row;
}
