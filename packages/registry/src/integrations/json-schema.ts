import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ValidationError } from '@interflow/core';

export type JsonSchema = Record<string, unknown>;

/** One problem, in the api's `details` shape. */
export interface SchemaProblem {
  field: string;
  message: string;
}

/**
 * JSON Schema checks for method inputs (draft-07 style, which ajv implements by default
 * and connector authors mostly write). Compiled validators are cached by schema text:
 * services change rarely, inputs are checked on every trigger.
 */
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();
const MAX_CACHED = 500;

/** Why a schema is not a valid JSON Schema, or null when it is. */
export function schemaProblem(schema: unknown): string | null {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return 'a JSON Schema must be an object';
  try {
    ajv.compile(schema);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function validatorOf(schema: JsonSchema): ValidateFunction {
  const text = JSON.stringify(schema);
  let validate = compiled.get(text);
  if (!validate) {
    validate = ajv.compile(schema);
    if (compiled.size >= MAX_CACHED) compiled.clear();
    compiled.set(text, validate);
  }
  return validate;
}

function problemOf(error: ErrorObject, root: string): SchemaProblem {
  const pointer = error.instancePath.split('/').filter(Boolean).join('.');
  const missing = error.keyword === 'required' ? String((error.params as { missingProperty?: unknown }).missingProperty) : '';
  const field = [root, pointer, missing].filter(Boolean).join('.');
  return { field, message: error.message ?? error.keyword };
}

/** The problems of `value` against `schema`; empty when it conforms. */
export function schemaProblems(schema: JsonSchema, value: unknown, root: string): SchemaProblem[] {
  const validate = validatorOf(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => problemOf(error, root));
}

/** Throws a 400 naming every field of `value` that does not match `schema`. */
export function assertMatchesSchema(schema: JsonSchema, value: unknown, root: string, what: string): void {
  const problems = schemaProblems(schema, value, root);
  if (problems.length > 0) {
    throw new ValidationError(`${what} does not match the method's input schema: ${problems.map((p) => p.field).join(', ')}`, problems);
  }
}

/**
 * The schema with its top-level `required` list dropped: an action's default input may
 * leave fields to each trigger, but every field it does give must be valid.
 */
export function withoutTopLevelRequired(schema: JsonSchema): JsonSchema {
  const { required: _required, ...rest } = schema;
  return rest;
}
