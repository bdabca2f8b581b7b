import { MAX_JSON_DEPTH, printableName, unstorableTextProblem, unstorableValues } from '../src/http/unstorable-values';

describe('unstorableTextProblem', () => {
  it.each([
    ['plain text', 'hello', null],
    ['an emoji (a surrogate pair)', 'ok \u{1F600}', null],
    ['a NUL', 'a\u0000b', 'NUL'],
    ['a lone high surrogate', 'a\uD800b', 'lone UTF-16 surrogate'],
    ['a lone low surrogate', '\uDC00', 'lone UTF-16 surrogate'],
    ['a reversed pair', '\uDC00\uD800', 'lone UTF-16 surrogate'],
  ])('%s', (_name, text, expected) => {
    const problem = unstorableTextProblem(text);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toContain(expected);
  });
});

describe('unstorableValues', () => {
  it('names every unstorable value by its dotted path, keys included', () => {
    const value = { ok: 'fine', a: { b: ['x', 'y\u0000'] }, ['k\u0000']: 1, n: Infinity, s: '\uD800' };
    expect(unstorableValues(value, '(body)')).toEqual([
      { field: 'a.b.1', message: expect.stringContaining('NUL') },
      { field: 'k\\u0000', message: expect.stringContaining('its name contains a NUL') },
      { field: 'n', message: 'a number too large to represent' },
      { field: 's', message: expect.stringContaining('lone UTF-16 surrogate') },
    ]);
  });

  it('names the root for a bad value at the top', () => {
    expect(unstorableValues('\u0000', '(body)')).toEqual([{ field: '(body)', message: expect.stringContaining('NUL') }]);
  });

  it('accepts nesting up to the limit and refuses deeper, without recursing', () => {
    const nest = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;
    expect(unstorableValues(nest(MAX_JSON_DEPTH), '(body)')).toEqual([]);
    expect(unstorableValues(nest(MAX_JSON_DEPTH + 1), '(body)')).toEqual([
      { field: Array(MAX_JSON_DEPTH).fill('0').join('.'), message: `nested deeper than ${MAX_JSON_DEPTH} levels` },
    ]);
    expect(unstorableValues(nest(100_000), '(body)')).toHaveLength(1);
  });

  it('reports at most ten problems', () => {
    expect(unstorableValues(Array(50).fill('\u0000'), '(body)')).toHaveLength(10);
  });

  it('accepts ordinary JSON', () => {
    expect(unstorableValues({ a: [1, 2.5, -0, true, null, 'x', { 'ü': '\u{1F600}' }] }, '(body)')).toEqual([]);
  });
});

describe('printableName', () => {
  it('escapes NULs and surrogates and caps the length', () => {
    expect(printableName('a\u0000\uD800')).toBe('a\\u0000\\ud800');
    expect(printableName('x'.repeat(500))).toHaveLength(101);
  });
});
