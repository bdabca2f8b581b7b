import { describeError, failureLine, isDatabaseUnavailable } from '../src';

describe('describeError', () => {
  it.each([
    ['nothing at all', undefined, { message: 'failed without saying why (rejected with undefined)' }],
    ['null', null, { message: 'failed without saying why (rejected with null)' }],
    ['an Error', new Error('boom'), { name: 'Error', message: 'boom' }],
    ['an Error with a code', Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), { name: 'Error', message: 'refused', code: 'ECONNREFUSED' }],
    ['an Error with a cause', new Error('start failed', { cause: new Error('port taken') }), { name: 'Error', message: 'start failed: port taken' }],
    ['a plain object', { message: 'odd', code: 42 }, { message: 'odd', code: '42' }],
    ['an object without message', { x: 1 }, { message: '{"x":1}' }],
    ['a string', 'plain words', { message: 'plain words' }],
  ])('%s', (_label, error, expected) => {
    expect(describeError(error)).toEqual(expected);
  });

  it('never prints "undefined" as the error of a failure line', () => {
    const line = JSON.parse(failureLine('launcher', 'failed', undefined)) as { error: { message: string } };
    expect(line.error.message).not.toBe('undefined');
    expect(line).toMatchObject({ level: 'error', service: 'launcher', message: 'failed' });
  });
});

describe('isDatabaseUnavailable', () => {
  const withCode = (code: string) => Object.assign(new Error(code), { code });
  it.each([
    ['the client lost its connection', withCode('CONNECTION_CLOSED'), true],
    ['the client could not connect in time', withCode('CONNECT_TIMEOUT'), true],
    ['the pool was ended', withCode('CONNECTION_ENDED'), true],
    ['connection refused', withCode('ECONNREFUSED'), true],
    ['connection reset', withCode('ECONNRESET'), true],
    ['server shutting down (57P01)', withCode('57P01'), true],
    ['server starting up (57P03)', withCode('57P03'), true],
    ['connection failure (08006)', withCode('08006'), true],
    ['too many connections (53300)', withCode('53300'), true],
    ['wrapped as a cause', new Error('publish failed', { cause: withCode('ECONNREFUSED') }), true],
    ['several addresses refused', new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]), true],
    ['a unique violation', withCode('23505'), false],
    ['a syntax error', withCode('42601'), false],
    ['a serialization failure', withCode('40001'), false],
    ['an error without code', new Error('x'), false],
    ['not an error', 'ECONNREFUSED', false],
  ])('%s → %s', (_label, error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});
