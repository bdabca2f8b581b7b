type Json = Record<string, unknown>;

/** Deep equality of JSON values (object key order does not matter). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const keysA = Object.keys(a as Json);
  const keysB = Object.keys(b as Json);
  return keysA.length === keysB.length && keysA.every((key) => Object.hasOwn(b, key) && sameJson((a as Json)[key], (b as Json)[key]));
}

/** One field that differs between what is stored and what a file declares. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/**
 * The fields of `desired` whose value differs from `current` (a field `desired` does not
 * name is left as it is: the api keeps it).
 */
export function changedFields(current: Json, desired: Json): FieldChange[] {
  return Object.entries(desired)
    .filter(([field, value]) => !sameJson(current[field], value))
    .map(([field, value]) => ({ field, from: current[field], to: value }));
}

/** `desired` ⊆ `current`, key by key at the top level (for policies the api completes with defaults). */
export function subsetDiffers(current: Json, desired: Json): boolean {
  return Object.entries(desired).some(([key, value]) => !sameJson(current[key], value));
}
