import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import {
  buildConnectorCall,
  createConnector,
  defineMethod,
  PermanentError,
  RateLimitedError,
  RetryableError,
  type CallEnvelope,
  type HttpVerb,
} from '../src';

const SECRET = 'connector-test-secret';

const envelope = (input: Record<string, unknown>): CallEnvelope => ({
  deployment: { id: 'dep-1', name: 'test', connection: { region: 'eu' }, credentials: { api_key: 'k' } },
  input,
  run: { id: 'run-1', action_id: 'act-1' },
  attempt: 3,
});

describe('createConnector over HTTP', () => {
  let server: Server;
  let baseUrl: string;
  const unexpected: unknown[] = [];
  const waiting: AbortSignal[] = [];

  beforeAll(async () => {
    const app = createConnector({
      name: 'test-service',
      signingSecret: SECRET,
      onUnexpectedError: (error) => unexpected.push(error),
      methods: [
        defineMethod({
          name: 'echo',
          description: 'answers with its context',
          input: z.object({ word: z.string(), times: z.number().int().min(1).default(1) }),
          handler: ({ deployment, input, run, attempt }) => ({
            said: input.word.repeat(input.times),
            deployment: deployment.id,
            region: deployment.connection.region,
            run,
            attempt,
          }),
        }),
        defineMethod({
          name: 'lookup',
          verb: 'GET',
          path: '/things/{id}',
          input: z.object({ id: z.string() }),
          handler: ({ input }) => ({ id: input.id }),
        }),
        defineMethod({
          name: 'wait',
          input: z.object({}),
          handler: ({ signal }) => {
            waiting.push(signal);
            return new Promise((resolve) => signal.addEventListener('abort', () => resolve({ aborted: true }), { once: true }));
          },
        }),
        defineMethod({
          name: 'fail',
          input: z.object({ how: z.enum(['permanent', 'retryable', 'limited', 'crash']) }),
          handler: ({ input }) => {
            if (input.how === 'permanent') throw new PermanentError('no such account', { status: 404, details: { account: 'x' } });
            if (input.how === 'retryable') throw new RetryableError('upstream down');
            if (input.how === 'limited') throw new RateLimitedError('slow down', 2500);
            throw new Error('secret internals');
          },
        }),
      ],
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  async function call(verb: HttpVerb, path: string, input: Record<string, unknown>, tweak?: (headers: Record<string, string>) => void) {
    const request = buildConnectorCall({ baseUrl, verb, path, envelope: envelope(input), signingSecret: SECRET });
    tweak?.(request.headers);
    const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
  }

  it('describes its methods with JSON Schemas', async () => {
    const response = await fetch(`${baseUrl}/methods`);
    const body = (await response.json()) as { service: string; methods: { name: string; http_method: string; path: string; input_schema: { properties: object } }[] };
    expect(body.service).toBe('test-service');
    expect(body.methods.map((m) => `${m.http_method} ${m.path} ${m.name}`)).toEqual([
      'POST /methods/echo echo',
      'GET /things/{id} lookup',
      'POST /methods/wait wait',
      'POST /methods/fail fail',
    ]);
    expect(Object.keys(body.methods[0]?.input_schema.properties ?? {})).toEqual(['word', 'times']);
  });

  it('hands a verified call its context and answers with the result', async () => {
    const result = await call('POST', '/methods/echo', { word: 'ab', times: 2 });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ said: 'abab', deployment: 'dep-1', region: 'eu', run: { id: 'run-1', actionId: 'act-1' }, attempt: 3 });
  });

  it('serves GET methods with the context in a header', async () => {
    const result = await call('GET', '/things/{id}', { id: 'x 1' });
    expect(result).toMatchObject({ status: 200, body: { id: 'x 1' } });
  });

  it("aborts the handler's signal when the runner hangs up, and answers without an ETag", async () => {
    const echoed = await call('POST', '/methods/echo', { word: 'a' });
    expect(echoed.headers.get('etag')).toBeNull();
    const request = buildConnectorCall({ baseUrl, verb: 'POST', path: '/methods/wait', envelope: envelope({}), signingSecret: SECRET });
    const runner = new AbortController();
    const answer = fetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal: runner.signal }).catch((error: unknown) => error);
    await waitForValue(() => waiting[0]);
    expect(waiting[0]?.aborted).toBe(false);
    runner.abort();
    await answer;
    await waitForValue(() => (waiting[0]?.aborted ? true : undefined));
  });

  it('refuses a tampered body', async () => {
    const request = buildConnectorCall({ baseUrl, verb: 'POST', path: '/methods/echo', envelope: envelope({ word: 'a' }), signingSecret: SECRET });
    const tampered = (request.body ?? '').replace('"word":"a"', '"word":"b"');
    const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: tampered });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'signature_mismatch' } });
  });

  it('refuses a stale timestamp, even correctly signed', async () => {
    const stale = new Date(Date.now() - 10 * 60_000);
    const request = buildConnectorCall({ baseUrl, verb: 'POST', path: '/methods/echo', envelope: envelope({ word: 'a' }), signingSecret: SECRET, now: stale });
    const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'signature_stale' } });
  });

  it('refuses another secret and an unsigned call', async () => {
    const request = buildConnectorCall({ baseUrl, verb: 'POST', path: '/methods/echo', envelope: envelope({ word: 'a' }), signingSecret: 'wrong' });
    expect((await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body })).status).toBe(401);
    const unsigned = await fetch(request.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: request.body });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ error: { code: 'signature_missing_headers' } });
  });

  it('answers 400 naming the field when the input does not match the schema', async () => {
    const result = await call('POST', '/methods/echo', { word: 7 });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'word' }] } });
  });

  it('maps thrown errors to the statuses the runner acts on', async () => {
    expect(await call('POST', '/methods/fail', { how: 'permanent' })).toMatchObject({
      status: 404,
      body: { error: { code: 'permanent', message: 'no such account', details: { account: 'x' } } },
    });
    expect((await call('POST', '/methods/fail', { how: 'retryable' })).status).toBe(502);
    const limited = await call('POST', '/methods/fail', { how: 'limited' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    const crash = await call('POST', '/methods/fail', { how: 'crash' });
    expect(crash.status).toBe(500);
    expect(JSON.stringify(crash.body)).not.toContain('secret internals');
    expect(unexpected).toHaveLength(1);
  });

  it('refuses error classes used with the wrong status', () => {
    expect(() => new PermanentError('x', { status: 503 })).toThrow(/4xx/);
    expect(() => new RetryableError('x', { status: 404 })).toThrow(/5xx/);
  });
});

/** Polls until `probe` answers something (the handler runs in the same process, so this is quick). */
async function waitForValue<T>(probe: () => T | undefined): Promise<T> {
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
