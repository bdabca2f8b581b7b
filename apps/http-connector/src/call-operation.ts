import { search } from 'jmespath';
import { callDeadline, PermanentError, RateLimitedError, RetryableError, type CallDeadline, type CallDeployment } from '@interflow/connector-sdk';
import { outboundRefusal, readLimited, type OutboundFetch } from '@interflow/outbound';
import { authenticate, type TokenSource } from './auth';
import { credentialsSchema, httpConnectionSchema, missingCredentials, type HttpConnection, type HttpCredentials, type Operation } from './http-deployment';
import type { OAuth2Tokens } from './oauth2-tokens';
import { collectPages, nextPageUrl } from './pagination';
import { planRequest, TemplateError, type PlannedRequest } from './request-template';
import { retryAfterMs } from './retry-after';

export interface OperationCallDependencies {
  fetch: OutboundFetch;
  tokens: OAuth2Tokens;
  /** The connector's cap on any one response; an operation may only lower it. */
  maxResponseBytes: number;
}

/** A paginated operation's answer: every page's picked items, and whether the page limit cut it short. */
export interface PagedResult {
  items: unknown[];
  pages: number;
  /** True when the last page read still pointed at a next one (max_pages reached). */
  more: boolean;
}

interface Page {
  status: number;
  body: unknown;
  linkHeader: string | null;
  url: URL;
}

/**
 * Runs one declared operation of an HTTP deployment: checks the deployment and input
 * (422/400 naming the field), authenticates, follows pagination up to its page limit,
 * and returns the pick. What the API answers becomes what the runner acts on: 429 (or
 * 503 with Retry-After) → RateLimitedError, so the runner comes back after Retry-After;
 * 5xx, timeouts and network failures → retryable; other 4xx and oversized answers →
 * permanent. A 401 with OAuth2 fetches a new token and tries once more.
 */
export async function callOperation(
  deps: OperationCallDependencies,
  deployment: CallDeployment,
  input: Record<string, unknown>,
  signal: AbortSignal,
): Promise<unknown> {
  const connection = parseOrRefuse(httpConnectionSchema, deployment.connection, 'deployment.connection');
  const credentials = parseOrRefuse(credentialsSchema, deployment.credentials, 'deployment.credentials');
  const missing = missingCredentials(connection.auth, credentials);
  if (missing.length > 0) {
    throw new PermanentError(`the deployment's ${connection.auth.kind} authentication needs credentials: ${missing.join(', ')}`, {
      details: missing.map((name) => ({ field: `deployment.credentials.${name}`, message: 'required' })),
    });
  }
  const { operation: name, ...params } = input;
  const operation = typeof name === 'string' ? connection.operations[name] : undefined;
  if (!operation) {
    throw new PermanentError(`the deployment declares no operation '${String(name)}'`, {
      status: 400,
      details: [{ field: 'input.operation', message: `expected one of: ${Object.keys(connection.operations).join(', ') || 'none'}` }],
    });
  }
  let request: PlannedRequest;
  try {
    request = planRequest(connection.base_url, operation, params);
  } catch (error) {
    if (error instanceof TemplateError) throw new PermanentError(error.message, { status: 400, details: [{ field: error.field, message: 'required' }] });
    throw error;
  }
  const tokens = tokenSource(deps, deployment.id, connection, credentials, operation);
  const maxBytes = Math.min(deps.maxResponseBytes, operation.max_response_bytes ?? Number.MAX_SAFE_INTEGER);

  const maxPages = operation.pagination?.max_pages ?? 1;
  const picks: unknown[] = [];
  let next: URL | null = request.url;
  let pages = 0;
  while (next && pages < maxPages) {
    const page = await sendAuthenticated(deps, { ...request, url: next }, connection, credentials, tokens, operation, maxBytes, signal);
    pages++;
    picks.push(operation.pick ? search(page.body as object, operation.pick) : page.body);
    next = operation.pagination ? nextPageUrl(operation.pagination, { url: page.url, linkHeader: page.linkHeader, body: page.body }) : null;
  }
  if (!operation.pagination) return picks[0] ?? null;
  const result: PagedResult = { items: collectPages(picks), pages, more: next !== null };
  return result;
}

function tokenSource(
  deps: OperationCallDependencies,
  deploymentId: string,
  connection: HttpConnection,
  credentials: HttpCredentials,
  operation: Operation,
): TokenSource | null {
  const auth = connection.auth;
  return auth.kind === 'oauth2_client_credentials' ? deps.tokens.source(deploymentId, auth, credentials, operation.timeout_ms) : null;
}

/** One request with authentication; with OAuth2, a 401 gets one new token and one more try. */
async function sendAuthenticated(
  deps: OperationCallDependencies,
  request: PlannedRequest,
  connection: HttpConnection,
  credentials: HttpCredentials,
  tokens: TokenSource | null,
  operation: Operation,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Page> {
  let token = tokens ? await tokens.get(false) : null;
  let page = await send(deps, authenticate(request, connection.auth, credentials, token), operation, maxBytes, signal);
  if (page.status === 401 && tokens) {
    token = await tokens.get(true);
    page = await send(deps, authenticate(request, connection.auth, credentials, token), operation, maxBytes, signal);
  }
  if (page.status >= 200 && page.status <= 299) return page;
  throw statusError(page, request.method);
}

async function send(deps: OperationCallDependencies, request: PlannedRequest, operation: Operation, maxBytes: number, signal: AbortSignal): Promise<Page & { retryAfter: string | null }> {
  const deadline = callDeadline(signal, operation.timeout_ms);
  try {
    return await sendWithin(deps, request, operation, maxBytes, deadline);
  } finally {
    deadline.release();
  }
}

async function sendWithin(deps: OperationCallDependencies, request: PlannedRequest, operation: Operation, maxBytes: number, deadline: CallDeadline): Promise<Page & { retryAfter: string | null }> {
  const where = `${request.method} ${request.url.origin}${request.url.pathname}`;
  let response;
  try {
    response = await deps.fetch(request.url.toString(), {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: deadline.signal,
    });
  } catch (error) {
    const refusal = outboundRefusal(error);
    if (refusal) throw new PermanentError(refusal.message);
    if (deadline.timedOut) throw new RetryableError(`${where} did not answer within ${operation.timeout_ms} ms`, { status: 504 });
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new RetryableError(`${where} could not be reached: ${cause?.code ?? cause?.message ?? String(error)}`);
  }
  let body;
  try {
    body = await readLimited(response.body, maxBytes, response.headers.get('content-length'));
  } catch (error) {
    if (deadline.timedOut) throw new RetryableError(`${where} did not finish answering within ${operation.timeout_ms} ms`, { status: 504 });
    throw new RetryableError(`${where} broke off its answer: ${String(error)}`);
  }
  if (body.truncated) {
    throw new PermanentError(`${where} answered more than ${maxBytes} bytes (the response cap); reading stopped`, {
      details: { max_response_bytes: maxBytes, bytes_read: body.bytesRead },
    });
  }
  return {
    status: response.status,
    body: parseBody(body.bytes.toString('utf8')),
    linkHeader: response.headers.get('link'),
    url: new URL(response.url || request.url.toString()),
    retryAfter: response.headers.get('retry-after'),
  };
}

function statusError(page: Page & { retryAfter?: string | null }, method: string): Error {
  const where = `${method} ${page.url.origin}${page.url.pathname}`;
  const retryAfter = page.retryAfter ?? null;
  if (page.status === 429 || (page.status === 503 && retryAfter)) {
    return new RateLimitedError(`${where} answered ${page.status}; retry later`, retryAfterMs(retryAfter), { status: page.status });
  }
  const details = { status: page.status, body: excerpt(page.body) };
  if (page.status >= 500) return new RetryableError(`${where} answered ${page.status}`, { details });
  return new PermanentError(`${where} answered ${page.status}`, { details });
}

function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function excerpt(body: unknown): unknown {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text && text.length > 2000 ? `${text.slice(0, 2000)}…` : body;
}

function parseOrRefuse<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown, prefix: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => ({ field: [prefix, ...issue.path.map(String)].join('.'), message: issue.message }));
  throw new PermanentError(`${prefix} is not a valid HTTP-connector configuration`, { details });
}
