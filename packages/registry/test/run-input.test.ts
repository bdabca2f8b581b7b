import { canonicalJson, etagMatches, hashRunInput, mergeRunInput } from '../src';

describe('run input', () => {
  it('hashes equal inputs equally whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":0,"y":1}]},"b":1}');
    expect(hashRunInput({ a: 1, b: 2 })).toBe(hashRunInput({ b: 2, a: 1 }));
    expect(hashRunInput({ a: 1 })).not.toBe(hashRunInput({ a: '1' }));
  });

  it('merges the trigger input over the defaults, field by field', () => {
    expect(mergeRunInput({ a: 1, b: 2 }, { b: 3, c: 4 })).toEqual({ a: 1, b: 3, c: 4 });
    expect(mergeRunInput({ a: 1 }, undefined)).toEqual({ a: 1 });
  });
});

describe('etagMatches', () => {
  it('accepts the current tag, a list containing it, or *', () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"old", "abc"', '"abc"')).toBe(true);
    expect(etagMatches('*', '"abc"')).toBe(true);
    expect(etagMatches('"old"', '"abc"')).toBe(false);
  });

  it('compares strongly: a weak tag never matches, even the current one', () => {
    expect(etagMatches('W/"abc"', '"abc"')).toBe(false);
    expect(etagMatches('W/"abc", "old"', '"abc"')).toBe(false);
    expect(etagMatches('W/"abc", "abc"', '"abc"')).toBe(true);
    expect(etagMatches('abc', '"abc"')).toBe(false);
  });
});
