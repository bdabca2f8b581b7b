import type { Operation } from './http-deployment';

/** The input does not fit the operation (a path placeholder has no value): a 4xx. */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

export interface PlannedRequest {
  method: Operation['verb'];
  url: URL;
  headers: Record<string, string>;
  /** JSON text, or undefined for no body. */
  body: string | undefined;
}

const WHOLE = /^\{([A-Za-z0-9_]+)\}$/;
const EMBEDDED = /\{([A-Za-z0-9_]+)\}/g;

function scalarText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `"{id}"` → the input's id (typed); `"a-{id}"` → text; a missing field leaves undefined (whole) or '' (embedded). */
function fillValue(template: unknown, input: Record<string, unknown>): unknown {
  if (typeof template !== 'string') return template;
  if (template === '{input}') return input;
  const whole = WHOLE.exec(template);
  if (whole) return input[whole[1] as string];
  return template.replace(EMBEDDED, (_m, name: string) => scalarText(input[name]) ?? '');
}

/** The body template with placeholders replaced, recursively; absent fields are left out of objects. */
export function fillBody(template: unknown, input: Record<string, unknown>): unknown {
  if (Array.isArray(template)) return template.map((item) => fillBody(item, input)).filter((item) => item !== undefined);
  if (template !== null && typeof template === 'object') {
    const filled: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(template)) {
      const result = fillBody(value, input);
      if (result !== undefined) filled[key] = result;
    }
    return filled;
  }
  return fillValue(template, input);
}

/** Path placeholders are required: a missing one is the caller's mistake, named. */
export function fillPath(path: string, input: Record<string, unknown>): string {
  return path.replace(EMBEDDED, (_m, name: string) => {
    const value = input[name];
    if (value === undefined || value === null || typeof value === 'object') {
      throw new TemplateError(`the input has no scalar '${name}' for the path '${path}'`, `input.${name}`);
    }
    return encodeURIComponent(String(value));
  });
}

export function joinBase(baseUrl: string, path: string): URL {
  return new URL(`${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`);
}

/**
 * The first request of an operation, from its declaration and the run's input. Pure:
 * authentication is added afterwards (auth.ts), pages after that (pagination.ts).
 */
export function planRequest(baseUrl: string, operation: Operation, input: Record<string, unknown>): PlannedRequest {
  const url = joinBase(baseUrl, fillPath(operation.path, input));
  for (const [name, template] of Object.entries(operation.query)) {
    const value = scalarText(fillValue(template, input));
    if (value !== undefined) url.searchParams.set(name, value);
  }
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const [name, template] of Object.entries(operation.headers)) {
    const value = scalarText(fillValue(template, input));
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  let body: string | undefined;
  if (operation.body !== undefined) {
    body = JSON.stringify(fillBody(operation.body, input));
    headers['content-type'] = 'application/json';
  }
  return { method: operation.verb, url, headers, body };
}
