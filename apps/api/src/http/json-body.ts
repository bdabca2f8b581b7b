import {
  InterflowError,
  MalformedRequestError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '@interflow/core';
import { printableName, unstorableValues } from './unstorable-values';

/** The one media type every body of the api is read as. */
export const JSON_MEDIA_TYPE = 'application/json';

/** Content-Encodings body-parser inflates (Node 20 has no zstd). */
export const SUPPORTED_CONTENT_ENCODINGS = ['identity', 'gzip', 'deflate', 'br'] as const;

const BODY_ROOT = '(request body)';

/**
 * Why a Content-Type is not one the api reads, or null: it must be `application/json` or
 * an `application/*+json` type, with no charset or `charset=utf-8`. A missing header is
 * refused too: a body the api cannot interpret is never silently dropped.
 */
export function unsupportedMediaType(contentType: string | undefined): UnsupportedMediaTypeError | null {
  const [essence = '', ...parameters] = (contentType ?? '').split(';');
  const type = essence.trim().toLowerCase();
  const details = { expected: JSON_MEDIA_TYPE, received: contentType === undefined ? null : printableName(contentType) };
  if (type !== JSON_MEDIA_TYPE && !/^application\/[a-z0-9!#$&^_.-]+\+json$/.test(type)) {
    const received = contentType === undefined ? 'no Content-Type' : `Content-Type '${printableName(type)}'`;
    return new UnsupportedMediaTypeError('unsupported_media_type', `the request body must be ${JSON_MEDIA_TYPE}, not ${received}`, details);
  }
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=');
    if (name.trim().toLowerCase() !== 'charset') continue;
    const charset = value.trim().replace(/^"(.*)"$/, '$1').toLowerCase();
    if (charset !== 'utf-8' && charset !== 'utf8') {
      return new UnsupportedMediaTypeError('unsupported_media_type', `the request body must be UTF-8 JSON, not charset '${printableName(charset)}'`, details);
    }
  }
  return null;
}

/** The errors body-parser's reader reports, by their `type`. */
interface BodyReadFailure {
  type?: string;
  limit?: number;
}

/**
 * A failure to read the raw body as one of our errors: over the limit (413), an encoding
 * we do not inflate (415), a compressed body that does not inflate (400), or a body cut
 * short or longer than its Content-Length (400).
 */
export function bodyReadError(error: unknown, contentEncoding: string): InterflowError {
  const failure = (error ?? {}) as BodyReadFailure;
  if (failure.type === 'entity.too.large') return new PayloadTooLargeError(failure.limit ?? 0);
  if (failure.type === 'encoding.unsupported') {
    return new UnsupportedMediaTypeError(
      'unsupported_encoding',
      `Content-Encoding '${printableName(contentEncoding)}' is not supported; send ${SUPPORTED_CONTENT_ENCODINGS.join(', ')}`,
      { content_encoding: printableName(contentEncoding), supported: [...SUPPORTED_CONTENT_ENCODINGS] },
    );
  }
  if (contentEncoding !== 'identity' && failure.type === undefined) {
    const message = `not valid ${printableName(contentEncoding)} data`;
    return new MalformedRequestError('invalid_encoding', `the request body is ${message}`, [{ field: BODY_ROOT, message }]);
  }
  const message = 'could not be read whole (cut short, or not as long as its Content-Length)';
  return new MalformedRequestError('invalid_body', `the request body ${message}`, [{ field: BODY_ROOT, message }]);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The JSON value of a raw body, or undefined for an empty one (read as `{}` by the
 * routes). Refuses bytes that are not UTF-8 (rather than turning them into U+FFFD), text
 * that is not JSON, a top level that is not an object or array, and any value the
 * database could not hold (see `unstorableValues`), naming each field.
 */
export function parseJsonBody(bytes: Buffer): unknown {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    const message = 'not valid UTF-8';
    throw new MalformedRequestError('invalid_encoding', `the request body is ${message}`, [{ field: BODY_ROOT, message }]);
  }
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MalformedRequestError('invalid_json', 'the request body is not valid JSON', [{ field: BODY_ROOT, message: 'not valid JSON' }]);
  }
  if (value === null || typeof value !== 'object') {
    const message = 'must be a JSON object or array';
    throw new MalformedRequestError('invalid_json', `the request body ${message}`, [{ field: BODY_ROOT, message }]);
  }
  const problems = unstorableValues(value, BODY_ROOT);
  if (problems.length > 0) throw new ValidationError(`invalid request body: ${problems.map((p) => p.field).join(', ')}`, problems);
  return value;
}
