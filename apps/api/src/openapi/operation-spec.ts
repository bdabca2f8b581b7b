import type { z } from 'zod';
import { type Role } from '@interflow/registry';

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface ResponseSpec {
  description: string;
  /** The JSON body, as the same kind of zod schema the handler answers with. */
  schema?: z.ZodType;
  /** The body's media type when it is not JSON (e.g. text/event-stream), with a schema of what it carries. */
  content?: { mediaType: string; schema: Record<string, unknown> };
  /** Response headers worth knowing (ETag, Location), name → description. */
  headers?: Record<string, string>;
}

export interface HeaderSpec {
  description: string;
  required?: boolean;
}

/**
 * One documented operation, written next to nothing but zod schemas: the same schemas
 * the handler validates with, so the document cannot drift from what is enforced.
 * Standard error responses (400, 401, 403) are added from `auth` and the inputs.
 */
export interface OperationSpec {
  summary: string;
  description?: string;
  tags: string[];
  /** The least role the handler requires, or 'none' for routes without a token. */
  auth: Role | 'none';
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: Record<string, HeaderSpec>;
  body?: z.ZodType;
  responses: Record<number, ResponseSpec>;
}

/** Paths in OpenAPI form (`/v1/tokens/{id}`) to their operations. */
export type PathSpecs = Record<string, Partial<Record<HttpMethod, OperationSpec>>>;
