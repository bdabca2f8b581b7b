import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';

export type JsonSchema = Record<string, unknown>;

/** What is wrong, by dotted field path (`retry_policy.max_attempts`); empty when all is fine. */
export type Problems = Map<string, string>;

/** Keywords that only say "something below is wrong": the error below says what. */
const SUMMARIES = new Set(['properties', 'items', 'prefixItems', 'allOf', 'anyOf', 'oneOf', '$ref', 'additionalProperties', 'unevaluatedProperties', 'dependentSchemas', 'if', 'then', 'else']);

const TYPE_WORDS: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'empty',
};

const validators = { whole: new WeakMap<JsonSchema, Validator>(), partial: new WeakMap<JsonSchema, Validator>() };

/** One validator per schema (and per partial use): forms check on every keystroke. */
function validatorOf(schema: JsonSchema, partial: boolean): Validator {
  const cache = partial ? validators.partial : validators.whole;
  let validator = cache.get(schema);
  if (!validator) {
    validator = new Validator((partial ? { ...schema, required: [] } : schema) as Schema, '2020-12', false);
    cache.set(schema, validator);
  }
  return validator;
}

/** The schema's value at a keyword location (`#/properties/timeout_ms/minimum`). */
function keywordValue(schema: JsonSchema, location: string): unknown {
  return location
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~')))
    .reduce<unknown>((node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), schema);
}

function pathOf(instanceLocation: string): string {
  return instanceLocation
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~')))
    .join('.');
}

function quoted(text: string): string | undefined {
  return /"([^"]+)"/.exec(text)?.[1];
}

/** A sentence a person understands, from the failed keyword and its value in the schema. */
function problemOf(unit: OutputUnit, schema: JsonSchema, value: unknown): [path: string, message: string] {
  const path = pathOf(unit.instanceLocation);
  // an empty text that must have a form (a name, an id from a select) was simply not given
  if (['pattern', 'format', 'minLength'].includes(unit.keyword) && keywordValue(value as JsonSchema, unit.instanceLocation) === '') return [path, 'is required'];
  const limit = keywordValue(schema, unit.keywordLocation);
  const under = (name: string | undefined) => (name ? (path ? `${path}.${name}` : name) : path);
  switch (unit.keyword) {
    case 'required':
      return [under(quoted(unit.error)), 'is required'];
    case 'type':
      return [path, `must be ${[limit].flat().map((type) => TYPE_WORDS[String(type)] ?? String(type)).join(' or ')}`];
    case 'minimum':
      return [path, `must be at least ${String(limit)}`];
    case 'maximum':
      return [path, `must be at most ${String(limit)}`];
    case 'exclusiveMinimum':
      return [path, `must be more than ${String(limit)}`];
    case 'exclusiveMaximum':
      return [path, `must be less than ${String(limit)}`];
    case 'minLength':
      return [path, limit === 1 ? 'must not be empty' : `must be at least ${String(limit)} characters`];
    case 'maxLength':
      return [path, `must be at most ${String(limit)} characters`];
    case 'minItems':
      return [path, `needs at least ${String(limit)}`];
    case 'maxItems':
      return [path, `may have at most ${String(limit)}`];
    case 'pattern':
      return [path, 'has characters or a form that is not allowed'];
    case 'format':
      return [path, `must be a valid ${String(limit)}`];
    case 'enum':
      return [path, `must be one of ${Array.isArray(limit) ? limit.map(String).join(', ') : 'the listed values'}`];
    case 'const':
      return [path, `must be ${JSON.stringify(limit)}`];
    case 'false':
      return [path, 'is not allowed'];
    default:
      return [path, unit.error];
  }
}

/**
 * Checks `value` against a JSON Schema (draft 2020-12, with `@cfworker/json-schema`: no
 * `eval`, so it runs under the dashboard's Content-Security-Policy) and names the first
 * problem of each field. `partial`: required properties may be missing (defaults that the
 * run input completes later).
 */
export function schemaProblems(value: unknown, schema: JsonSchema, options: { partial?: boolean; prefix?: string } = {}): Problems {
  const result = validatorOf(schema, options.partial ?? false).validate(value);
  const problems: Problems = new Map();
  if (result.valid) return problems;
  const specific = result.errors.filter((unit) => !SUMMARIES.has(unit.keyword));
  for (const unit of specific.length > 0 ? specific : result.errors) {
    const [path, message] = problemOf(unit, schema, value);
    const full = [options.prefix, path].filter(Boolean).join('.');
    if (!problems.has(full)) problems.set(full, message);
  }
  return problems;
}

/** Several sets of problems as one (the first message of a field wins). */
export function mergeProblems(...sets: Problems[]): Problems {
  const merged: Problems = new Map();
  for (const set of sets) for (const [path, message] of set) if (!merged.has(path)) merged.set(path, message);
  return merged;
}
