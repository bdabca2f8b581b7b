import crypto from 'node:crypto';

/** PostgreSQL's longest identifier, in bytes: a LISTEN/NOTIFY channel name is one. */
const MAX_IDENTIFIER_BYTES = 63;

/**
 * The LISTEN/NOTIFY channel `<topic>.<schema>` of one installation: installations in
 * different schemas share a database, and so its channels, so the schema is in the name.
 * A name too long for an identifier ends in a hash of the schema instead.
 */
export function notifyChannel(topic: string, schema: string): string {
  const channel = `${topic}.${schema}`;
  return Buffer.byteLength(channel) <= MAX_IDENTIFIER_BYTES ? channel : `${topic}.${crypto.createHash('sha256').update(schema).digest('hex').slice(0, 40)}`;
}
