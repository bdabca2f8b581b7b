import { ValidationError } from '@interflow/core';
import type { PublicationRow } from '@interflow/broker';

/**
 * A batch of publications as the publish statements read it, in three parameters:
 * - `payloads`: one JSON array of the payloads, in publication order, which the
 *   statement reads with `jsonb_array_elements` (each payload is parsed once, by the
 *   database's JSON parser, and never converted again);
 * - `envelopes`: a JSON array of the distinct envelopes (everything but the payload:
 *   exchange, routing key, priority, headers, times, ...), read with
 *   `jsonb_to_recordset`; a bulk publish to one queue has one;
 * - `envelopeOfRow`: for each publication, the 1-based position of its envelope; empty
 *   when there is one envelope (the statement reads a missing position as 1).
 * Reading every field of every row through `jsonb_to_recordset` cost more than the
 * insert itself (each payload went back to text and was parsed again), see
 * docs/benchmarks.md.
 */
export interface EncodedPublications {
  payloads: string;
  envelopes: string;
  envelopeOfRow: number[];
}

/** Encodes a batch; a payload JSON cannot represent (a BigInt, a cycle) is a ValidationError naming its publication. */
export function encodePublications(rows: readonly PublicationRow[]): EncodedPublications {
  return encodeSerialized(rows, serializePayloads(rows));
}

/** The payloads as one JSON array, in one `JSON.stringify` (several times faster than one call a row). */
function serializePayloads(rows: readonly PublicationRow[]): string {
  try {
    return JSON.stringify(rows.map((row) => row.payload));
  } catch {
    for (const row of rows) {
      if (serializedPayload(row.payload) === null) {
        const field = `[${row.ord}].message.payload`;
        throw new ValidationError(`${field} must be serializable as JSON`, [{ field, message: 'must be serializable as JSON' }]);
      }
    }
    throw new ValidationError('publications are not serializable as JSON');
  }
}

/**
 * Group commit: numbers the rows of unrelated publishers 0..n-1 and serializes each
 * payload on its own, so a payload JSON cannot represent fails only its own publication.
 */
export function encodeGroup(rows: readonly PublicationRow[]): { rows: PublicationRow[]; encoded: EncodedPublications; failed: Map<number, Error> } {
  const kept: PublicationRow[] = [];
  const payloads: string[] = [];
  const failed = new Map<number, Error>();
  rows.forEach((row, index) => {
    const json = serializedPayload(row.payload);
    if (json === null) {
      failed.set(index, new ValidationError('message.payload must be serializable as JSON', [{ field: 'message.payload', message: 'must be serializable as JSON' }]));
      return;
    }
    kept.push({ ...row, ord: kept.length });
    payloads.push(json);
  });
  return { rows: kept, encoded: encodeSerialized(kept, `[${payloads.join(',')}]`), failed };
}

function encodeSerialized(rows: readonly PublicationRow[], payloads: string): EncodedPublications {
  const envelopePositions = new Map<string, number>();
  const envelopes: string[] = [];
  const envelopeOfRow = new Array<number>(rows.length);
  let previous: { row: PublicationRow; position: number } | undefined;
  rows.forEach((row, index) => {
    const plain = isPlain(row);
    // Neighbours usually share their envelope: recognised without building its key.
    if (plain && previous && sameTarget(row, previous.row)) {
      envelopeOfRow[index] = previous.position;
      return;
    }
    const key = plain ? JSON.stringify([row.exchange, row.routing_key, row.priority]) : envelopeJson(row);
    let position = envelopePositions.get(key);
    if (position === undefined) {
      envelopes.push(envelopeJson(row));
      position = envelopes.length;
      envelopePositions.set(key, position);
    }
    envelopeOfRow[index] = position;
    previous = plain ? { row, position } : undefined;
  });
  return { payloads, envelopes: `[${envelopes.join(',')}]`, envelopeOfRow: envelopes.length === 1 ? [] : envelopeOfRow };
}

const OPTIONAL_FIELDS = [
  'headers', 'not_before', 'delay_ms', 'expires_at', 'ttl_ms', 'ack_deadline_ms',
  'reply_to', 'correlation_id', 'dedupe_key', 'sender', 'mandatory',
] as const satisfies readonly (keyof PublicationRow)[];

/**
 * No optional field: the envelope is exchange, routing key and priority, and the key of
 * equal envelopes a small array (serializing the whole envelope of every row was most
 * of the encoding's time).
 */
function isPlain(row: PublicationRow): boolean {
  for (const field of OPTIONAL_FIELDS) if (row[field] !== undefined) return false;
  return true;
}

function sameTarget(left: PublicationRow, right: PublicationRow): boolean {
  return left.exchange === right.exchange && left.routing_key === right.routing_key && left.priority === right.priority;
}

/** A payload as JSON text, or null when JSON cannot represent it (a BigInt, a cycle). */
function serializedPayload(payload: unknown): string | null {
  try {
    const json = JSON.stringify(payload) as string | undefined;
    return json === undefined ? null : json;
  } catch {
    return null;
  }
}

/**
 * The row without its position and payload. Validated fields are strings, numbers,
 * booleans and headers of plain JSON values, so this never throws. Absent fields stay
 * out (the statement reads them as null), which keeps the key of equal envelopes equal.
 */
function envelopeJson(row: PublicationRow): string {
  const { ord: _ord, payload: _payload, ...envelope } = row;
  return JSON.stringify(envelope);
}
