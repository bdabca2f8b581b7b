import type { Request } from 'express';
import { z } from 'zod';
import { ValidationError } from '@interflow/core';

/** One wrong field: `field` is its dotted path (`retry_policy.max_attempts`, `items.3.fid`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Turns zod issues into `details: [{field, message}]`, one entry per wrong field. */
export function fieldProblems(error: z.ZodError, root: string): FieldProblem[] {
  return error.issues.flatMap((issue): FieldProblem[] => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: path ? `${path}.${key}` : key, message: 'unknown field' }));
    }
    return [{ field: path || root, message: issue.message }];
  });
}

function parseOrThrow<Schema extends z.ZodType>(schema: Schema, value: unknown, where: string): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = fieldProblems(result.error, `(${where})`);
  const fields = details.map((d) => d.field).join(', ');
  throw new ValidationError(`invalid ${where}: ${fields}`, details);
}

/**
 * The request body validated by `schema`. A request without a body is treated as `{}`,
 * so a missing required field is reported by name rather than as "no body".
 */
export function parseBody<Schema extends z.ZodType>(schema: Schema, req: Request): z.output<Schema> {
  return parseOrThrow(schema, req.body ?? {}, 'request body');
}

/** The query string validated by `schema` (values arrive as strings: use `z.coerce`). */
export function parseQuery<Schema extends z.ZodType>(schema: Schema, req: Request): z.output<Schema> {
  return parseOrThrow(schema, req.query, 'query');
}

/** The path parameters validated by `schema`. */
export function parseParams<Schema extends z.ZodType>(schema: Schema, req: Request): z.output<Schema> {
  return parseOrThrow(schema, req.params, 'path parameters');
}

/** Path parameters of `/things/:id` routes, where ids are uuids. */
export const idParams = z.object({ id: z.uuid({ message: 'expected a uuid' }) });
