import zlib from 'node:zlib';
import { bodyReadError, parseJsonBody, unsupportedMediaType } from '../src/http/json-body';

describe('unsupportedMediaType', () => {
  it.each([
    ['application/json', null],
    ['application/json; charset=utf-8', null],
    ['Application/JSON; Charset="UTF-8"', null],
    ['application/merge-patch+json', null],
    ['application/vnd.api+json; charset=utf8', null],
    [undefined, 'unsupported_media_type'],
    ['text/plain', 'unsupported_media_type'],
    ['application/x-www-form-urlencoded', 'unsupported_media_type'],
    ['multipart/form-data; boundary=x', 'unsupported_media_type'],
    ['application/json; charset=latin1', 'unsupported_media_type'],
    ['application/json; charset=utf-16', 'unsupported_media_type'],
    ['application/jsonx', 'unsupported_media_type'],
  ])('%s → %s', (contentType, code) => {
    const problem = unsupportedMediaType(contentType);
    expect(problem?.code ?? null).toBe(code);
    if (problem) {
      expect(problem.httpStatus).toBe(415);
      expect(problem.details).toMatchObject({ expected: 'application/json' });
    }
  });
});

describe('parseJsonBody', () => {
  it('parses UTF-8 JSON objects and arrays, with or without a BOM', () => {
    expect(parseJsonBody(Buffer.from('{"a":"é"}'))).toEqual({ a: 'é' });
    expect(parseJsonBody(Buffer.from('\uFEFF[1]'))).toEqual([1]);
  });

  it('reads an empty body as no body', () => {
    expect(parseJsonBody(Buffer.from(''))).toBeUndefined();
    expect(parseJsonBody(Buffer.from('  \n'))).toBeUndefined();
  });

  it.each([
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]), 'invalid_encoding'],
    ['an overlong encoding', Buffer.from([0x22, 0xc0, 0xaf, 0x22]), 'invalid_encoding'],
    ['an encoded surrogate', Buffer.from([0x5b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x5d]), 'invalid_encoding'],
    ['not JSON', Buffer.from('{"a": '), 'invalid_json'],
    ['a top-level string', Buffer.from('"text"'), 'invalid_json'],
    ['top-level null', Buffer.from('null'), 'invalid_json'],
    ['an escaped NUL', Buffer.from('{"a":"\\u0000"}'), 'validation_failed'],
    ['an escaped lone surrogate', Buffer.from('{"a":["\\ud800"]}'), 'validation_failed'],
    ['a number beyond a double', Buffer.from('{"a":1e400}'), 'validation_failed'],
  ])('refuses %s with %s', (_name, bytes, code) => {
    expect(() => parseJsonBody(bytes)).toThrow(expect.objectContaining({ code, httpStatus: 400 }));
  });

  it('names the field of an unstorable value', () => {
    expect(() => parseJsonBody(Buffer.from('{"messages":[{"payload":{"x":"\\u0000"}}]}'))).toThrow(
      expect.objectContaining({ details: [{ field: 'messages.0.payload.x', message: expect.stringContaining('NUL') }] }),
    );
  });
});

describe('bodyReadError', () => {
  it('maps the reader failures to 413, 415 and 400', () => {
    expect(bodyReadError({ type: 'entity.too.large', limit: 2048 }, 'identity')).toMatchObject({
      httpStatus: 413,
      code: 'payload_too_large',
      details: { limit_bytes: 2048 },
    });
    expect(bodyReadError({ type: 'encoding.unsupported' }, 'compress')).toMatchObject({ httpStatus: 415, code: 'unsupported_encoding' });
    let zlibError: unknown;
    try {
      zlib.gunzipSync(Buffer.from('not gzip'));
    } catch (error) {
      zlibError = error;
    }
    expect(bodyReadError(zlibError, 'gzip')).toMatchObject({ httpStatus: 400, code: 'invalid_encoding' });
    expect(bodyReadError({ type: 'request.size.invalid' }, 'identity')).toMatchObject({ httpStatus: 400, code: 'invalid_body' });
  });
});
