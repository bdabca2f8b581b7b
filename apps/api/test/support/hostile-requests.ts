import zlib from 'node:zlib';
import fc from 'fast-check';

type JsonSchema = Record<string, unknown>;

/** What the generators need to know of one OpenAPI operation. */
export interface OperationShape {
  method: string;
  pathParams: string[];
  queryParams: string[];
  /** The JSON Schema of the request body, `$ref`s unresolved, when it takes one. */
  bodySchema?: JsonSchema;
  /** Resolves `#/components/schemas/X` of the document. */
  resolve(ref: string): JsonSchema;
}

export type AuthChoice = 'admin' | 'none' | 'basic' | 'garbage';

export interface HostileRequest {
  /** Raw (already percent-encoded, or deliberately not) value per path parameter; absent: the real one. */
  pathValues: Record<string, string | undefined>;
  /** Raw query string, without `?` (may be empty). */
  query: string;
  headers: Record<string, string>;
  auth: AuthChoice;
  body?: { bytes: Buffer; contentType?: string; contentEncoding?: string };
}

/** `encodeURIComponent`, but a lone surrogate becomes the (invalid) bytes of its UTF-8-like encoding. */
export function encodeAnything(text: string): string {
  return Array.from(text)
    .map((char) => {
      try {
        return encodeURIComponent(char);
      } catch {
        const code = char.charCodeAt(0);
        return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
      }
    })
    .join('');
}

const hostileText = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfff',
    '\udc00\ud800',
    '',
    ' ',
    '\u{1F4A5}',
    '..',
    '../../etc/passwd',
    "'; drop table runs; --",
    '%00',
    '\\u0000',
    'interflow.actions',
    'interflow.actions.dead',
    `whk_${'A'.repeat(43)}`,
    '00000000-0000-0000-0000-000000000000',
    '0000-01-01T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    '9999-12-31T23:59:59.999Z',
    '2026-02-30T25:61:61Z',
    'NaN',
    'Infinity',
    '-1',
    '1e400',
    '99999999999999999999999999',
    '9223372036854775808',
    '*/0 * * * * *',
    'Mars/Olympus_Mons',
    'a'.repeat(300),
    'é'.repeat(3000),
  ),
  // UTF-16 code units, lone surrogates and NULs included.
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 24 }),
  fc.string({ maxLength: 24 }),
);

const hostileNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 0.5, 2 ** 31, 2 ** 53 + 2, 2 ** 63, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(hostileText, hostileNumber, fc.boolean(), fc.constant(null));

const hostileKey = fc.oneof(hostileText, fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString'));

/** Any JSON, of hostile leaves and keys, a few levels deep. */
const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileLeaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Arrays or objects nested past the 64-level limit. */
const deepNesting = fc.tuple(fc.integer({ min: 65, max: 2000 }), fc.boolean()).map(([depth, objects]) => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = objects ? { n: value } : [value];
  return value;
});

/** A value for `schema` that is plausible, or else hostile: reaches the validators behind the first field. */
function guidedValue(schema: JsonSchema | undefined, shape: OperationShape, depth: number): fc.Arbitrary<unknown> {
  if (!schema || depth > 3) return hostileJson;
  if (typeof schema.$ref === 'string') return guidedValue(shape.resolve(schema.$ref), shape, depth + 1);
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alternatives && alternatives.length > 0) return fc.oneof(...alternatives.map((alternative) => guidedValue(alternative, shape, depth + 1)));
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (properties) {
    const names = Object.keys(properties);
    return fc
      .tuple(fc.subarray(names), fc.dictionary(hostileKey, hostileLeaf, { maxKeys: 1 }))
      .chain(([chosen, extra]) =>
        fc.record(Object.fromEntries(chosen.map((name) => [name, guidedValue(properties[name], shape, depth + 1)]))).map((fields) => ({
          ...fields,
          ...extra,
        })),
      );
  }
  const plausible: fc.Arbitrary<unknown>[] = [];
  if (Array.isArray(schema.enum)) plausible.push(fc.constantFrom(...(schema.enum as unknown[])));
  if (schema.type === 'integer' || schema.type === 'number') {
    const min = typeof schema.minimum === 'number' ? schema.minimum : -1e6;
    const max = typeof schema.maximum === 'number' ? schema.maximum : 1e6;
    plausible.push(fc.integer({ min: Math.ceil(Math.max(min, -1e9)), max: Math.floor(Math.min(max, 1e9)) }));
  }
  if (schema.type === 'boolean') plausible.push(fc.boolean());
  if (schema.type === 'array') plausible.push(fc.array(guidedValue(schema.items as JsonSchema | undefined, shape, depth + 1), { maxLength: 3 }));
  return plausible.length > 0 ? fc.oneof(...plausible, hostileLeaf, hostileJson) : fc.oneof(hostileLeaf, hostileJson);
}

/** Body texts no JSON.stringify would write. */
const rawBodies = fc.constantFrom(
  '{"x":1e400}',
  '{"name":"\\ud800"}',
  '{"name":"a\\u0000b"}',
  '{"\\u0000":1}',
  `${'['.repeat(10000)}${']'.repeat(10000)}`,
  '{"a":',
  '',
  '   ',
  'null',
  '"a string"',
  '123',
  '\uFEFF{}',
  '{"a":1,"a":2}',
  '{"name": 99999999999999999999999999999}',
);

const invalidUtf8 = fc.constantFrom(
  Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
  Buffer.from([0x5b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x5d]),
  Buffer.from([0x7b, 0xc0, 0xaf, 0x7d]),
);

/** The body bytes: JSON of a guided or hostile value, raw text, broken bytes, or over the limit. */
function bodyBytes(shape: OperationShape, limitBytes: number): fc.Arbitrary<Buffer> {
  const guided = guidedValue(shape.bodySchema, shape, 0);
  return fc.oneof(
    { arbitrary: guided.map((value) => Buffer.from(JSON.stringify(value) ?? 'null')), weight: 5 },
    { arbitrary: hostileJson.map((value) => Buffer.from(JSON.stringify(value) ?? 'null')), weight: 2 },
    { arbitrary: deepNesting.map((value) => Buffer.from(JSON.stringify(value))), weight: 1 },
    { arbitrary: rawBodies.map((text) => Buffer.from(text)), weight: 2 },
    { arbitrary: invalidUtf8, weight: 1 },
    { arbitrary: fc.constant(Buffer.from(JSON.stringify({ name: 'x'.repeat(limitBytes + 10) }))), weight: 1 },
  );
}

const contentTypes = fc.oneof(
  { arbitrary: fc.constant<string | undefined>('application/json'), weight: 8 },
  {
    arbitrary: fc.constantFrom<string | undefined>(
      undefined,
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=zz',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'application/json; charset="UTF-8"',
      'APPLICATION/JSON',
      'application/vnd.example+json',
      'application/xml',
      ';;;',
    ),
    weight: 3,
  },
);

type Encoding = 'none' | 'gzip' | 'br' | 'gzip-corrupt' | 'deflate-corrupt' | 'compress' | 'gzip-twice';

function encode(bytes: Buffer, encoding: Encoding): { bytes: Buffer; contentEncoding?: string } {
  switch (encoding) {
    case 'none':
      return { bytes };
    case 'gzip':
      return { bytes: zlib.gzipSync(bytes), contentEncoding: 'gzip' };
    case 'br':
      return { bytes: zlib.brotliCompressSync(bytes), contentEncoding: 'br' };
    case 'gzip-corrupt':
      return { bytes: zlib.gzipSync(bytes).subarray(0, 12), contentEncoding: 'gzip' };
    case 'deflate-corrupt':
      return { bytes, contentEncoding: 'deflate' };
    case 'compress':
      return { bytes, contentEncoding: 'compress' };
    case 'gzip-twice':
      return { bytes: zlib.gzipSync(zlib.gzipSync(bytes)), contentEncoding: 'gzip, gzip' };
  }
}

const encodings = fc.oneof(
  { arbitrary: fc.constant<Encoding>('none'), weight: 8 },
  { arbitrary: fc.constantFrom<Encoding>('gzip', 'br', 'gzip-corrupt', 'deflate-corrupt', 'compress', 'gzip-twice'), weight: 3 },
);

/** Path segment values: mostly the real one, else broken encodings, NULs, wrong kinds of id. */
const hostileSegment = fc.oneof(
  fc.constantFrom(
    '%00',
    'a%00b',
    '%ZZ',
    '%E0%A4%A',
    '%ED%A0%80',
    '%',
    '%FF',
    'a%2Fb',
    '%2e%2e',
    '\u00e9',
    '%C3%A9',
    '00000000-0000-4000-8000-000000000000',
    '99999999999999999999',
    '9223372036854775808',
    '-1',
    '0',
    'interflow.actions',
    'x'.repeat(3000),
  ),
  hostileText.filter((text) => text.length > 0).map(encodeAnything),
);

/** Query strings: documented parameters with hostile values, unknown ones, and malformed pieces. */
function queryString(shape: OperationShape): fc.Arbitrary<string> {
  const names = [...shape.queryParams, 'unknown', 'limit', 'cursor'];
  // `wait` holds a request open for up to 300 s: it only ever gets values that are invalid.
  const valueFor = (name: string) =>
    name === 'wait' ? fc.constantFrom('-1', '1e400', 'NaN', '301', '%00', 'abc') : hostileText.map(encodeAnything);
  const pair = fc.constantFrom(...names).chain((name) => valueFor(name).map((value) => `${name}=${value}`));
  const malformed = fc.constantFrom('%ZZ=1', 'cursor=%', 'limit=%FF', 'a%00=1', 'limit=1&limit=2', '=', '&&', 'cursor=eyJhZnRlciI6Ijk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5In0');
  return fc.array(fc.oneof(pair, malformed), { maxLength: 3 }).map((pairs) => pairs.join('&'));
}

/** Headers a client might add; values are limited to what an HTTP client can send (obs-text included). */
const extraHeaders = fc.dictionary(
  fc.constantFrom('If-Match', 'Idempotency-Key', 'X-Request-Id', 'Accept', 'Accept-Encoding', 'X-Forwarded-For', 'Expect-Not'),
  fc.constantFrom('W/"x"', '*', '"nope"', 'garbage', '\u00ff\u00fe', '', 'x'.repeat(300), '\u00e9t\u00e9', '../..', '*/*', 'text/html'),
  { maxKeys: 2 },
);

const authChoices = fc.oneof(
  { arbitrary: fc.constant<AuthChoice>('admin'), weight: 6 },
  { arbitrary: fc.constantFrom<AuthChoice>('none', 'basic', 'garbage'), weight: 1 },
);

/** One hostile request for an operation: each part real or hostile, never all of them sane by design. */
export function hostileRequest(shape: OperationShape, options: { limitBytes: number }): fc.Arbitrary<HostileRequest> {
  const takesBody = ['post', 'put', 'patch'].includes(shape.method);
  const pathValues = fc.record(
    Object.fromEntries(shape.pathParams.map((name) => [name, fc.option(hostileSegment, { freq: 2, nil: undefined })])),
  ) as fc.Arbitrary<Record<string, string | undefined>>;
  const body = fc
    .tuple(bodyBytes(shape, options.limitBytes), contentTypes, encodings)
    .map(([bytes, contentType, encoding]) => ({ ...encode(bytes, encoding), contentType }));
  return fc.record({
    pathValues,
    query: queryString(shape),
    headers: extraHeaders,
    auth: authChoices,
    // Bodies on GET and DELETE too, now and then: they must be ignored.
    body: fc.oneof({ arbitrary: fc.constant(undefined), weight: takesBody ? 1 : 6 }, { arbitrary: body, weight: takesBody ? 7 : 1 }),
  }).map((hostile) => withSummary(hostile as HostileRequest));
}

/** fast-check prints a failing request by this summary, not by a dump of its body bytes. */
function withSummary(hostile: HostileRequest): HostileRequest {
  const body = hostile.body;
  const summary = () =>
    JSON.stringify({
      ...hostile,
      body: body && {
        contentType: body.contentType,
        contentEncoding: body.contentEncoding,
        length: body.bytes.length,
        start: body.bytes.subarray(0, 120).toString('utf8'),
      },
    });
  return Object.defineProperty(hostile, fc.toStringMethod, { value: summary, enumerable: false });
}
