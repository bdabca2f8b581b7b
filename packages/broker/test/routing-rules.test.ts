import { headersMatch, topicMatches, topicPatternToRegex } from '../src';

describe('topic patterns', () => {
  const cases: [string, string, boolean][] = [
    ['order.created', 'order.created', true],
    ['order.created', 'order.updated', false],
    ['order.*', 'order.created', true],
    ['order.*', 'order', false],
    ['order.*', 'order.eu.created', false],
    ['*.created', 'invoice.created', true],
    ['order.#', 'order', true],
    ['order.#', 'order.eu.de.created', true],
    ['order.#', 'orders.eu', false],
    ['#.created', 'created', true],
    ['#.created', 'a.b.created', true],
    ['#.created', 'a.b.updated', false],
    ['a.#.z', 'a.z', true],
    ['a.#.z', 'a.b.c.z', true],
    ['a.#.z', 'a.b.c', false],
    ['#', '', true],
    ['#', 'anything.at.all', true],
    ['#.#', 'a', true],
    ['*', 'one', true],
    ['*', 'one.two', false],
    ['*.#', 'one', true],
    ['#.*', 'one.two', true],
    ['a+b.(c)', 'a+b.(c)', true],
    ['a+b.(c)', 'aab.c', false],
  ];
  it.each(cases)('%s vs %s → %s', (pattern, key, expected) => {
    expect(topicMatches(pattern, key)).toBe(expected);
  });

  it('compiles to an anchored regex', () => {
    expect(topicPatternToRegex('order.*')).toBe('^order\\.[^.]+$');
  });
});

describe('headers match', () => {
  const binding = { format: 'pdf', size: 3 };
  it('all needs every header with an equal value and type', () => {
    expect(headersMatch(binding, 'all', { format: 'pdf', size: 3, other: true })).toBe(true);
    expect(headersMatch(binding, 'all', { format: 'pdf', size: '3' })).toBe(false);
    expect(headersMatch(binding, 'all', { format: 'pdf' })).toBe(false);
  });
  it('any needs one', () => {
    expect(headersMatch(binding, 'any', { size: 3 })).toBe(true);
    expect(headersMatch(binding, 'any', { format: 'csv' })).toBe(false);
    expect(headersMatch({}, 'any', { format: 'csv' })).toBe(false);
  });
});
