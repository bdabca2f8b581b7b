import crypto from 'node:crypto';
import { PassThrough } from 'node:stream';
import zlib from 'node:zlib';
import request from 'supertest';
import { createLogger } from '@interflow/core';
import { createActionChain } from './support/fixtures';
import { tableDigest } from './support/table-digest';
import { createTestApi, type TestApi } from './support/test-api';

let api: TestApi;
const logLines: string[] = [];
let admin: { Authorization: string };
let chain: Awaited<ReturnType<typeof createActionChain>>;

beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => logLines.push(chunk.toString('utf8')));
  api = await createTestApi({ bodyLimit: '16kb', logger: createLogger({ service: 'api-test', level: 'debug', stream }) });
  admin = api.auth(api.adminToken);
  // `ping` has no input schema, so whatever the webhook accepts would reach the database.
  chain = await createActionChain(api, { method: 'ping' });
});

afterAll(async () => {
  await api.close();
});

const cursorOf = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** A request with an id of our own, so its log lines can be told apart. */
function traced(test: request.Test): { test: request.Test; requestId: string } {
  const requestId = `hostile-${crypto.randomBytes(6).toString('hex')}`;
  return { test: test.set('X-Request-Id', requestId), requestId };
}

/** Sends the bytes exactly as given (supertest would JSON-encode a Buffer sent as JSON). */
function raw(test: request.Test, bytes: Buffer | string): request.Test {
  return test.serialize((body: unknown) => body as string).send(bytes as string);
}

interface Refusal {
  status: number;
  code: string;
  /** The field `details` must name (400s). */
  field?: string;
}

/**
 * Sends `build()`'s request and checks the refusal: status, code, the error shape with
 * details, exactly one warn line without a stack for it (and nothing at error level),
 * and no table changed.
 */
async function expectRefused(build: () => request.Test, expected: Refusal) {
  const before = await tableDigest(api);
  const { test, requestId } = traced(build());
  const response = await test;
  expect({ status: response.status, code: response.body?.error?.code }).toEqual({ status: expected.status, code: expected.code });
  expect(response.body.error).toEqual({ code: expected.code, message: expect.any(String), details: expect.anything() });
  if (expected.field !== undefined) {
    expect(response.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: expected.field })]));
  }
  const lines = logLines.filter((line) => line.includes(requestId)).map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines.filter((line) => line.level === 'warn')).toEqual([
    expect.objectContaining({ message: 'request refused', status: expected.status, code: expected.code }),
  ]);
  expect(lines.filter((line) => line.level === 'error')).toEqual([]);
  expect(lines.filter((line) => JSON.stringify(line).includes('stack'))).toEqual([]);
  expect(await tableDigest(api)).toEqual(before);
  return response;
}

describe('NUL characters and other values PostgreSQL cannot hold', () => {
  it('refuses a NUL in the unauthenticated webhook body with 400 naming the field', async () => {
    await expectRefused(() => request(app()).post(chain.action.webhook_path).send({ x: '\u0000' }), {
      status: 400,
      code: 'validation_failed',
      field: 'x',
    });
  });

  it('refuses NULs anywhere in a body: nested, in keys, in credentials', async () => {
    await expectRefused(
      () => request(app()).post('/v1/queues/q1/publish').set(admin).send({ messages: [{ payload: 1 }, { payload: { deep: ['a\u0000'] } }] }),
      { status: 400, code: 'validation_failed', field: 'messages.1.payload.deep.0' },
    );
    await expectRefused(() => request(app()).post(chain.action.webhook_path).send({ ['k\u0000']: 1 }), {
      status: 400,
      code: 'validation_failed',
      field: 'k\\u0000',
    });
    await expectRefused(
      () => request(app()).patch(`/v1/deployments/${chain.deployment.id}`).set(admin).send({ credentials: { password: 'p\u0000' } }),
      { status: 400, code: 'validation_failed', field: 'credentials.password' },
    );
  });

  it('refuses lone surrogates, numbers beyond a double and deep nesting', async () => {
    const hook = () => request(app()).post(chain.action.webhook_path).set('Content-Type', 'application/json');
    await expectRefused(() => raw(hook(), '{"x":"\\ud800"}'), { status: 400, code: 'validation_failed', field: 'x' });
    await expectRefused(() => raw(hook(), '{"x":1e400}'), { status: 400, code: 'validation_failed', field: 'x' });
    await expectRefused(() => raw(hook(), `{"x":${'['.repeat(5000)}${']'.repeat(5000)}}`), { status: 400, code: 'validation_failed' });
  });

  it('refuses a NUL in a path segment or a query parameter', async () => {
    await expectRefused(() => request(app()).get('/v1/queues/a%00b').set(admin), { status: 400, code: 'validation_failed', field: 'path' });
    await expectRefused(() => request(app()).get('/v1/runs?status=%00').set(admin), {
      status: 400,
      code: 'validation_failed',
      field: 'status',
    });
  });
});

describe('malformed percent-encoding', () => {
  it.each(['/v1/hooks/%ZZ', '/v1/queues/%E0%A4%A', '/v1/queues/%ED%A0%80/stats', '/v1/tokens/abc%'])('%s is 400 malformed_path', async (path) => {
    await expectRefused(() => request(app()).get(path).set(admin), { status: 400, code: 'malformed_path', field: 'path' });
  });

  it('in a webhook POST too, without the secret in the answer or the log', async () => {
    const path = `${chain.action.webhook_path}%ZZ`;
    const response = await expectRefused(() => request(app()).post(path).send({}), { status: 400, code: 'malformed_path' });
    const secret = chain.action.webhook_path.split('/').pop()!;
    expect(JSON.stringify(response.body)).not.toContain(secret);
    expect(logLines.join('')).not.toContain(secret);
  });

  it('in a query string: 400 malformed_query naming the parameter', async () => {
    await expectRefused(() => request(app()).get('/v1/queues?cursor=%ZZ').set(admin), {
      status: 400,
      code: 'malformed_query',
      field: 'cursor',
    });
  });
});

describe('compressed bodies', () => {
  const queues = () => request(app()).post('/v1/queues').set(admin).set('Content-Type', 'application/json');

  it('reads a gzip body', async () => {
    const name = `gz-${crypto.randomBytes(3).toString('hex')}`;
    await raw(queues().set('Content-Encoding', 'gzip'), zlib.gzipSync(JSON.stringify({ name }))).expect(201);
  });

  it.each([
    ['gzip', Buffer.from('this is not gzip')],
    ['gzip', zlib.gzipSync(JSON.stringify({ name: 'cut' })).subarray(0, 12)],
    ['deflate', Buffer.from('nor deflate')],
    ['br', Buffer.from('nor brotli')],
  ])('refuses a corrupt %s body with 400 invalid_encoding', async (encoding, bytes) => {
    await expectRefused(() => raw(queues().set('Content-Encoding', encoding), bytes), { status: 400, code: 'invalid_encoding' });
  });

  it('refuses an encoding it does not decode with 415', async () => {
    const response = await expectRefused(() => raw(queues().set('Content-Encoding', 'compress'), Buffer.from('xyz')), {
      status: 415,
      code: 'unsupported_encoding',
    });
    expect(response.body.error.details.supported).toEqual(['identity', 'gzip', 'deflate', 'br']);
  });

  it('measures the limit after inflating: a small gzip of a large body is 413', async () => {
    const bomb = zlib.gzipSync(JSON.stringify({ name: 'x'.repeat(100_000) }));
    expect(bomb.length).toBeLessThan(16 * 1024);
    await expectRefused(() => raw(queues().set('Content-Encoding', 'gzip'), bomb), { status: 413, code: 'payload_too_large' });
  });
});

describe('forged list cursors', () => {
  const forged = [
    ['an out-of-range position', cursorOf('{"after":"99999999999999999999999999"}')],
    ['a position just beyond a bigint', cursorOf('{"after":"9223372036854775808"}')],
    ['not base64url JSON', '!!!not-a-cursor'],
    ['another shape', cursorOf('[1,2]')],
    ['a number where a string belongs', cursorOf('{"after":12}')],
    ['a negative position', cursorOf('{"after":"-1"}')],
    ['null', cursorOf('null')],
  ];

  it.each(forged)('%s is 400 naming cursor on every list ordered by position', async (_name, cursor) => {
    const lists = ['/v1/tokens', '/v1/schedules', '/v1/services', '/v1/deployments', '/v1/actions', '/v1/runs', '/v1/bindings'];
    for (const list of [...lists, `/v1/actions/${chain.action.id}/states`, `/v1/actions/${chain.action.id}/subscriptions`]) {
      await expectRefused(() => request(app()).get(list).query({ cursor }).set(admin), { status: 400, code: 'validation_failed', field: 'cursor' });
    }
  });

  it('a cursor of another shape is 400 on the lists ordered by name too', async () => {
    for (const list of ['/v1/queues', '/v1/exchanges', '/v1/consumers']) {
      await expectRefused(() => request(app()).get(list).query({ cursor: cursorOf('{"after":12}') }).set(admin), {
        status: 400,
        code: 'validation_failed',
        field: 'cursor',
      });
    }
  });
});

describe('bodies in another media type', () => {
  it('refuses a webhook body sent as text/plain with 415, and starts no run', async () => {
    const response = await expectRefused(
      () => raw(request(app()).post(chain.action.webhook_path).set('Content-Type', 'text/plain'), '{"x":1}'),
      { status: 415, code: 'unsupported_media_type' },
    );
    expect(response.body.error.details).toEqual({ expected: 'application/json', received: 'text/plain' });
  });

  it('refuses a new signing secret sent as a form with 415, and keeps the secret', async () => {
    await expectRefused(
      () =>
        raw(
          request(app()).post(`/v1/services/${chain.service.id}/signing-secret`).set(admin).set('Content-Type', 'application/x-www-form-urlencoded'),
          'signing_secret=an-attackers-choice-of-secret-0123456789',
        ),
      { status: 415, code: 'unsupported_media_type' },
    );
  });

  it.each([
    ['no Content-Type', undefined],
    ['text/plain', 'text/plain'],
    ['a charset other than UTF-8', 'application/json; charset=iso-8859-1'],
    ['multipart', 'multipart/form-data; boundary=x'],
  ])('refuses a body with %s on a token route with 415', async (_name, contentType) => {
    await expectRefused(() => {
      const test = request(app()).post('/v1/queues').set(admin);
      if (contentType) test.set('Content-Type', contentType);
      else test.unset('Content-Type');
      return raw(test, '{"name":"never-declared"}');
    }, { status: 415, code: 'unsupported_media_type' });
  });

  it('reads application/*+json as JSON', async () => {
    const name = `merge-${crypto.randomBytes(3).toString('hex')}`;
    await raw(request(app()).post('/v1/queues').set(admin).set('Content-Type', 'application/vnd.interflow+json'), JSON.stringify({ name })).expect(201);
  });

  it('refuses bytes that are not UTF-8 with 400 invalid_encoding', async () => {
    const bytes = Buffer.concat([Buffer.from('{"x":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    await expectRefused(() => raw(request(app()).post(chain.action.webhook_path).set('Content-Type', 'application/json'), bytes), {
      status: 400,
      code: 'invalid_encoding',
    });
  });

  it('refuses an oversize body with 413 naming the limit', async () => {
    const response = await expectRefused(() => request(app()).post(chain.action.webhook_path).send({ x: 'y'.repeat(20_000) }), {
      status: 413,
      code: 'payload_too_large',
    });
    expect(response.body.error.details).toEqual({ limit_bytes: 16 * 1024 });
  });

  it('refuses JSON that is not an object or array, and malformed JSON, with 400 invalid_json', async () => {
    const hook = () => request(app()).post(chain.action.webhook_path).set('Content-Type', 'application/json');
    await expectRefused(() => raw(hook(), '"just a string"'), { status: 400, code: 'invalid_json' });
    await expectRefused(() => raw(hook(), '{"x": '), { status: 400, code: 'invalid_json' });
  });

  it('ignores a body on a GET, as HTTP allows', async () => {
    await raw(request(app()).get('/v1/queues').set(admin).set('Content-Type', 'text/plain'), 'whatever').expect(200);
  });
});

function app() {
  return api.app;
}
