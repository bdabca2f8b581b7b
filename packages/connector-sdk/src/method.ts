import { z } from 'zod';
import type { HttpVerb } from './call-wire';

/** The deployment a call runs for, decrypted by the runner: where and how to reach the foreign system. */
export interface CallDeployment {
  id: string;
  name: string;
  connection: Record<string, unknown>;
  credentials: Record<string, unknown>;
}

export interface MethodContext<Input> {
  deployment: CallDeployment;
  /** The action's default input merged with the message's input, checked against the method's schema. */
  input: Input;
  run: { id: string; actionId: string };
  /** 1 on the first try; a handler that is not idempotent can look at it. */
  attempt: number;
  /** Aborted when the runner gave up on the call (it disconnected). */
  signal: AbortSignal;
}

export interface MethodDefinition<Schema extends z.ZodType = z.ZodType> {
  /** Unique within the service, e.g. `list-new-items`. */
  name: string;
  description?: string;
  /** Default POST. */
  verb?: HttpVerb;
  /** Default `/methods/<name>`. May hold `{param}` placeholders, filled from the input by the runner. */
  path?: string;
  /** Validates the input before the handler sees it; served as JSON Schema by GET /methods. */
  input: Schema;
  /** Returns the response (any JSON value); throws a ConnectorError to steer retries. */
  handler: (context: MethodContext<z.infer<Schema>>) => Promise<unknown> | unknown;
}

/** A method with its defaults filled in. */
export interface ResolvedMethod {
  name: string;
  description: string;
  verb: HttpVerb;
  path: string;
  input: z.ZodType;
  handler: (context: MethodContext<unknown>) => Promise<unknown> | unknown;
}

/**
 * Declares one method; a function rather than a literal so the handler's `input` is typed
 * from the schema.
 */
export function defineMethod<Schema extends z.ZodType>(definition: MethodDefinition<Schema>): ResolvedMethod {
  if (!/^[a-z][a-z0-9_.-]{0,62}$/.test(definition.name)) {
    throw new Error(`method name '${definition.name}' must be lower-case letters, digits, '-', '_' or '.'`);
  }
  const path = definition.path ?? `/methods/${definition.name}`;
  if (!path.startsWith('/')) throw new Error(`method '${definition.name}': path must start with '/'`);
  return {
    name: definition.name,
    description: definition.description ?? '',
    verb: definition.verb ?? 'POST',
    path,
    input: definition.input,
    handler: definition.handler as ResolvedMethod['handler'],
  };
}

/**
 * One entry of `GET /methods`: what the api imports when the service is registered, in
 * the registry's own method shape (`http_method`, snake_case).
 */
export interface MethodDescription {
  name: string;
  description: string | null;
  http_method: HttpVerb;
  path: string;
  input_schema: Record<string, unknown>;
}

export function describeMethod(method: ResolvedMethod): MethodDescription {
  return {
    name: method.name,
    description: method.description || null,
    http_method: method.verb,
    path: method.path,
    // Draft-07: what the registry's validator (ajv) reads by default.
    input_schema: z.toJSONSchema(method.input, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Record<string, unknown>,
  };
}
