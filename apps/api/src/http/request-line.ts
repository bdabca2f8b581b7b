import { MalformedRequestError, ValidationError } from '@interflow/core';
import type { FieldProblem } from './validate';
import { printableName, unstorableTextProblem } from './unstorable-values';

function decoded(component: string): string | null {
  try {
    return decodeURIComponent(component);
  } catch {
    return null;
  }
}

/**
 * What is wrong with a raw (still percent-encoded) path, or null. Express decodes path
 * parameters only when a route matches and throws on malformed percent-encoding
 * (`%ZZ`, a cut UTF-8 sequence like `%E0%A4%A`); checking every segment first answers
 * the same 400 on every route. A decoded NUL is refused too: no name or id holds one.
 * The segment itself is not echoed: a webhook path carries its secret.
 */
export function pathProblem(rawPath: string): MalformedRequestError | ValidationError | null {
  const segments = rawPath.split('/');
  for (const [index, segment] of segments.entries()) {
    if (!segment.includes('%')) continue;
    const text = decoded(segment);
    if (text === null) {
      const message = `segment ${index} is not valid percent-encoded UTF-8`;
      return new MalformedRequestError('malformed_path', `malformed path: ${message}`, [{ field: 'path', message }]);
    }
    const problem = unstorableTextProblem(text);
    if (problem) return new ValidationError(`invalid path: segment ${index} ${problem}`, [{ field: 'path', message: `segment ${index} ${problem}` }]);
  }
  return null;
}

/**
 * What is wrong with a raw query string (without `?`), or null: a parameter whose name or
 * value is not valid percent-encoded UTF-8 (node's parser would silently keep `%ZZ` or
 * turn bad bytes into U+FFFD), or that decodes to a NUL. Problems name the parameter.
 */
export function queryProblem(rawQuery: string): MalformedRequestError | ValidationError | null {
  const unstorable: FieldProblem[] = [];
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const rawName = (equals < 0 ? pair : pair.slice(0, equals)).replace(/\+/g, ' ');
    const rawValue = (equals < 0 ? '' : pair.slice(equals + 1)).replace(/\+/g, ' ');
    const name = decoded(rawName);
    const value = decoded(rawValue);
    if (name === null || value === null) {
      const field = name === null ? 'query' : printableName(name);
      const message = 'not valid percent-encoded UTF-8';
      return new MalformedRequestError('malformed_query', `malformed query: ${field}`, [{ field, message }]);
    }
    const problem = unstorableTextProblem(name) ?? unstorableTextProblem(value);
    if (problem) unstorable.push({ field: printableName(name), message: problem });
  }
  if (unstorable.length === 0) return null;
  return new ValidationError(`invalid query: ${unstorable.map((p) => p.field).join(', ')}`, unstorable);
}
