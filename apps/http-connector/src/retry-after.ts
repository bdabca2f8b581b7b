/** Used when a 429 says no Retry-After. */
export const DEFAULT_RETRY_AFTER_MS = 1_000;

/** A Retry-After header (delta-seconds or HTTP date) in ms, at least 0, capped at an hour. */
export function retryAfterMs(value: string | null, nowMs: number = Date.now()): number {
  if (!value || !value.trim()) return DEFAULT_RETRY_AFTER_MS;
  const trimmed = value.trim();
  const ms = /^\d+(\.\d+)?$/.test(trimmed) ? Math.ceil(Number(trimmed) * 1000) : Date.parse(trimmed) - nowMs;
  if (Number.isNaN(ms)) return DEFAULT_RETRY_AFTER_MS;
  return Math.min(3_600_000, Math.max(0, ms));
}
