import type { FieldProblem } from './validate';

/** Deepest JSON nesting accepted: JSON.stringify and PostgreSQL's jsonb both recurse. */
export const MAX_JSON_DEPTH = 64;

/** At most this many problems are reported for one body (the first ones found). */
const MAX_PROBLEMS = 10;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a string cannot be stored as PostgreSQL text or jsonb, or null when it can:
 * PostgreSQL refuses the NUL character (`\u0000`) in both, and jsonb refuses an escaped
 * lone UTF-16 surrogate (`"\ud800"`), which is no Unicode character at all.
 */
export function unstorableTextProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000), which cannot be stored';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate, which is not a Unicode character';
  return null;
}

/**
 * A name as it may appear in a message or a log line: NULs and lone surrogates shown as
 * escapes, and at most 100 characters, so a hostile key cannot inflate what we print.
 */
export function printableName(name: string): string {
  const escaped = name.replace(/[\u0000\uD800-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped.length > 100 ? `${escaped.slice(0, 100)}…` : escaped;
}

function fieldOf(path: string[], root: string): string {
  return path.length === 0 ? root : path.map(printableName).join('.');
}

/**
 * Every value in parsed JSON that PostgreSQL could not hold or that lost its meaning in
 * parsing: strings and keys with NUL or lone surrogates, numbers too large for a double
 * (`1e400` parses as Infinity and would be stored as null), nesting deeper than
 * MAX_JSON_DEPTH. Fields are dotted paths (`messages.3.payload.x`); `root` names the
 * whole value. Walks with an explicit stack: a hostile body cannot overflow ours.
 */
export function unstorableValues(value: unknown, root: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  // `named`: the value sits under an object key (its last path part), checked on the way.
  const stack: { value: unknown; path: string[]; named: boolean }[] = [{ value, path: [], named: false }];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value: current, path, named } = stack.pop()!;
    const keyProblem = named ? unstorableTextProblem(path[path.length - 1]!) : null;
    if (keyProblem) problems.push({ field: fieldOf(path, root), message: `its name ${keyProblem}` });
    if (typeof current === 'string') {
      const problem = unstorableTextProblem(current);
      if (problem) problems.push({ field: fieldOf(path, root), message: problem });
    } else if (typeof current === 'number') {
      if (!Number.isFinite(current)) problems.push({ field: fieldOf(path, root), message: 'a number too large to represent' });
    } else if (current !== null && typeof current === 'object') {
      if (path.length >= MAX_JSON_DEPTH) {
        problems.push({ field: fieldOf(path, root), message: `nested deeper than ${MAX_JSON_DEPTH} levels` });
        continue;
      }
      const isObject = !Array.isArray(current);
      const entries = isObject ? Object.entries(current) : current.map((item, index) => [String(index), item] as const);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!;
        stack.push({ value: item, path: [...path, key], named: isObject });
      }
    }
  }
  return problems.slice(0, MAX_PROBLEMS);
}
