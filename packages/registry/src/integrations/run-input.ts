import crypto from 'node:crypto';

/** JSON with object keys sorted at every depth, so equal values serialise equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The response-cache and idempotency key of an input: SHA-256 of its canonical JSON.
 * The api (reading the cache) and the runner (filling it) must hash the same way.
 */
export function hashRunInput(input: unknown): string {
  return crypto.createHash('sha256').update(canonicalJson(input)).digest('hex');
}

/** The input a run gets: the action's defaults, overridden field by field by the trigger's. */
export function mergeRunInput(defaults: Record<string, unknown>, given: Record<string, unknown> | undefined): Record<string, unknown> {
  return { ...defaults, ...(given ?? {}) };
}
