import createClient, { type Client } from 'openapi-fetch';
import { InterflowApiError } from './api-error';
import type { paths } from './generated/openapi';

export interface InterflowClientOptions {
  /** Where the api answers, e.g. `http://localhost:3000` (a trailing slash is fine). */
  baseUrl: string;
  /** An api token (`ifw_…`), sent as `Authorization: Bearer …`; omitted when absent. */
  token?: string;
  /** Another fetch (tests, proxies); default: the global one. */
  fetch?: typeof globalThis.fetch;
  /** Extra headers on every request (e.g. a user agent). */
  headers?: Record<string, string>;
}

/** openapi-fetch's client over the api's paths: `client.GET('/v1/schedules/{id}', …)`. */
export type InterflowClient = Client<paths>;

/** A typed client of the Interflow api: paths, parameters and bodies checked by TypeScript. */
export function createInterflowClient(options: InterflowClientOptions): InterflowClient {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const baseFetch = options.fetch ?? globalThis.fetch;
  return createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers,
    // Late-bound, so a test can swap the global fetch after the client was made.
    fetch: (request: Request) => baseFetch(request),
  });
}

type CallResult<D> = { data?: D; error?: unknown; response: Response };

/**
 * The data of a 2xx answer, or an `InterflowApiError` thrown with the api's code, message
 * and details: `const schedule = await orThrow(client.GET('/v1/schedules/{id}', …))`.
 */
export async function orThrow<D>(call: Promise<CallResult<D>>): Promise<D> {
  const { data, error, response } = await call;
  if (!response.ok) throw InterflowApiError.fromBody(response.status, error);
  return data as D;
}

/** The strong ETag of an answer (for `If-Match`), if it carried one. */
export function etagOf(response: Response): string | undefined {
  return response.headers.get('etag') ?? undefined;
}
