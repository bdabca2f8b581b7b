/**
 * Where an event sits in the log: the writing transaction's id, then the row's id. The
 * wire form (the SSE `id:` field, and `Last-Event-ID` on a reconnect) is `<tx>-<id>`.
 */
export interface EventPosition {
  tx: bigint;
  id: bigint;
}

/** Before every event. */
export const LOG_START: EventPosition = { tx: 0n, id: 0n };

const WIRE_FORM = /^(\d{1,20})-(\d{1,20})$/;

export function formatEventPosition(position: EventPosition): string {
  return `${position.tx}-${position.id}`;
}

/** The position in an event id the stream gave out, or null when it is not one. */
export function parseEventPosition(text: string): EventPosition | null {
  const match = WIRE_FORM.exec(text.trim());
  if (!match?.[1] || !match[2]) return null;
  const position = { tx: BigInt(match[1]), id: BigInt(match[2]) };
  // Both are 64-bit in the database; a larger number names no event.
  const max = 2n ** 64n - 1n;
  return position.tx <= max && position.id <= max ? position : null;
}

/** Negative when a is before b, zero when equal, positive after. */
export function compareEventPositions(a: EventPosition, b: EventPosition): number {
  if (a.tx !== b.tx) return a.tx < b.tx ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}
