import { ValidationError } from '@interflow/core';
import type { BindingDeclaration, ExchangeType, HeadersMatch, MessageHeaders } from './broker';

/**
 * Routing rules as pure functions. Matching itself runs inside PostgreSQL (the
 * `mq_binding_matches` function) so a batch routes and stores in one statement; what
 * lives here is what is decided once, at bind time: a topic pattern becomes an anchored
 * regular expression that both PostgreSQL (ARE) and JavaScript read the same way.
 */

const ONE_WORD = '[^.]+';

function escapeRegex(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `*` matches exactly one word, `#` zero or more words; words are separated by dots.
 * `a.#` matches `a` and `a.b.c`; `#.a` matches `a` and `x.a`; `a.#.b` matches `a.b`.
 */
export function topicPatternToRegex(pattern: string): string {
  const words = pattern.split('.').filter((word, index, all) => !(word === '#' && all[index - 1] === '#'));
  if (words.length === 1 && words[0] === '#') return '^.*$';
  let regex = '^';
  let needsSeparator = false;
  words.forEach((word, index) => {
    if (word === '#') {
      // Leading `#` swallows "word." prefixes; elsewhere it swallows ".word" suffixes.
      regex += index === 0 ? `(?:${ONE_WORD}\\.)*` : `(?:\\.${ONE_WORD})*`;
      needsSeparator = index !== 0;
      return;
    }
    if (needsSeparator) regex += '\\.';
    regex += word === '*' ? ONE_WORD : escapeRegex(word);
    needsSeparator = true;
  });
  return `${regex}$`;
}

export function topicMatches(pattern: string, routingKey: string): boolean {
  return new RegExp(topicPatternToRegex(pattern)).test(routingKey);
}

/** The same rule as the SQL function, for callers that need it in memory (and for tests). */
export function headersMatch(bindingHeaders: MessageHeaders, match: HeadersMatch, messageHeaders: MessageHeaders): boolean {
  const entries = Object.entries(bindingHeaders);
  const equal = ([key, value]: [string, unknown]) => Object.prototype.hasOwnProperty.call(messageHeaders, key) && messageHeaders[key] === value;
  return match === 'all' ? entries.every(equal) : entries.some(equal);
}

export interface NormalizedBinding {
  exchange: string;
  queue: string;
  bindingKey: string;
  keyPattern: string;
  headers: MessageHeaders;
  headersMatch: HeadersMatch;
}

/** Checks a binding against its exchange's type and fills in what is stored. */
export function normalizeBinding(declaration: BindingDeclaration, exchangeType: ExchangeType): NormalizedBinding {
  const bindingKey = declaration.bindingKey ?? '';
  const headers = declaration.headers ?? {};
  const match = declaration.headersMatch ?? 'all';
  if (typeof bindingKey !== 'string') throw new ValidationError('bindingKey must be a string', [{ field: 'bindingKey', message: 'must be a string' }]);
  if (match !== 'all' && match !== 'any') throw new ValidationError(`headersMatch must be 'all' or 'any'`, [{ field: 'headersMatch', message: `must be 'all' or 'any'` }]);
  validateHeaders(headers, 'headers');
  if (exchangeType === 'headers' && Object.keys(headers).length === 0) {
    throw new ValidationError('a binding to a headers exchange needs at least one header', [{ field: 'headers', message: 'must not be empty' }]);
  }
  return {
    exchange: declaration.exchange,
    queue: declaration.queue,
    bindingKey: exchangeType === 'direct' || exchangeType === 'topic' ? bindingKey : '',
    keyPattern: exchangeType === 'topic' ? topicPatternToRegex(bindingKey) : '',
    headers: exchangeType === 'headers' ? headers : {},
    headersMatch: match,
  };
}

/** Header values are strings, numbers or booleans: anything else cannot be matched. */
export function validateHeaders(headers: unknown, field: string): asserts headers is MessageHeaders {
  if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) {
    throw new ValidationError(`${field} must be an object`, [{ field, message: 'must be an object of string, number or boolean values' }]);
  }
  for (const [key, value] of Object.entries(headers)) {
    if (!['string', 'number', 'boolean'].includes(typeof value) || (typeof value === 'number' && !Number.isFinite(value))) {
      throw new ValidationError(`header '${key}' must be a string, number or boolean`, [{ field: `${field}.${key}`, message: 'must be a string, number or boolean' }]);
    }
  }
}
