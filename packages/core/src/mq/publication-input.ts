import { ValidationError } from '../errors';
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

function optionalDate(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) fail(field, 'must be a valid Date');
  return value.toISOString();
}

/**
 * Validates a publication and turns it into the row the publish statement reads. Throws
 * a ValidationError naming the field (a priority out of 1..5, a payload that is not
 * JSON), so a bad publication is refused before anything is stored.
 */
export function publicationRow(publication: Publication, ord: number, prefix = ''): PublicationRow {
  const field = (name: string) => `${prefix}${name}`;
  if (publication === null || typeof publication !== 'object') fail(field('publication'), 'must be an object');
  if (typeof publication.exchange !== 'string') fail(field('exchange'), 'must be a string');
  if (typeof publication.routingKey !== 'string') fail(field('routingKey'), 'must be a string');
  const message = publication.message;
  if (message === null || typeof message !== 'object') fail(field('message'), 'must be an object');
  if (message.payload === undefined) fail(field('message.payload'), 'is required (any JSON value)');
  if (typeof message.payload === 'function' || typeof message.payload === 'symbol') fail(field('message.payload'), 'must be a JSON value');
  const headers = message.headers ?? {};
  validateHeaders(headers, field('message.headers'));
  const priority = message.priority ?? 3;
  if (!Number.isInteger(priority) || priority < 1 || priority > 5) fail(field('message.priority'), 'must be an integer from 1 to 5');
  const row: PublicationRow = { ord, exchange: publication.exchange, routing_key: publication.routingKey, payload: message.payload, priority };
  if (Object.keys(headers).length > 0) row.headers = headers;
  const optional: [keyof PublicationRow, string | number | null][] = [
    ['not_before', optionalDate(message.notBefore, field('message.notBefore'))],
    ['delay_ms', optionalMs(message.delayMs, field('message.delayMs'), 0)],
    ['expires_at', optionalDate(message.expiresAt, field('message.expiresAt'))],
    ['ttl_ms', optionalMs(message.ttlMs, field('message.ttlMs'), 1)],
    ['ack_deadline_ms', optionalMs(message.ackDeadlineMs, field('message.ackDeadlineMs'), 1)],
    ['reply_to', optionalString(message.replyTo, field('message.replyTo'))],
    ['correlation_id', optionalString(message.correlationId, field('message.correlationId'))],
    ['dedupe_key', optionalString(message.dedupeKey, field('message.dedupeKey'))],
    ['sender', optionalString(message.sender, field('message.sender'))],
  ];
  for (const [key, value] of optional) if (value !== null) (row as unknown as Record<string, unknown>)[key] = value;
  if (publication.mandatory === true) row.mandatory = true;
  return row;
}

/**
 * The rows as one JSON document. A payload JSON cannot represent (a BigInt, a cycle)
 * is a ValidationError naming its publication.
 */
export function serializePublicationRows(rows: PublicationRow[]): string {
  try {
    return JSON.stringify(rows);
  } catch {
    for (const row of rows) {
      try {
        JSON.stringify(row.payload);
      } catch {
        fail(`[${row.ord}].message.payload`, 'must be serializable as JSON');
      }
    }
    throw new ValidationError('publications are not serializable as JSON');
  }
}

/**
 * Group commit: numbers the rows of unrelated publishers 0..n-1 and serializes each on
 * its own, so a payload JSON cannot represent fails only its own publication. Each row
 * is stringified once.
 */
export function serializeGroup(rows: PublicationRow[]): { rows: PublicationRow[]; json: string; failed: Map<number, Error> } {
  const kept: PublicationRow[] = [];
  const parts: string[] = [];
  const failed = new Map<number, Error>();
  rows.forEach((row, index) => {
    const numbered = { ...row, ord: kept.length };
    try {
      parts.push(JSON.stringify(numbered));
      kept.push(numbered);
    } catch {
      failed.set(index, new ValidationError('message.payload must be serializable as JSON', [{ field: 'message.payload', message: 'must be serializable as JSON' }]));
    }
  });
  return { rows: kept, json: `[${parts.join(',')}]`, failed };
}
