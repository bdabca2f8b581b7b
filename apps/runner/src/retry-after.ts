/**
 * A `Retry-After` header in milliseconds: either delta-seconds (`120`) or an HTTP date.
 * Null when absent or unreadable; never negative; capped so a connector cannot park a
 * message for days.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date, maxMs = 3_600_000): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    ms = Math.ceil(Number(trimmed) * 1000);
  } else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return null;
    ms = at - now.getTime();
  }
  return Math.min(maxMs, Math.max(0, ms));
}
