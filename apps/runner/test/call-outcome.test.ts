import { classifyResponse, transportFailure } from '../src/call-outcome';
import { parseRetryAfter } from '../src/retry-after';

const now = new Date('2026-11-27T12:00:00Z');

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, never negative, capped', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('Fri, 27 Nov 2026 12:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Fri, 27 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('999999', now)).toBe(3_600_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe('classifying a connector answer', () => {
  it('2xx succeeds', () => {
    expect(classifyResponse(201, null, { a: 1 }, now)).toEqual({ kind: 'succeeded', status: 201, body: { a: 1 } });
  });

  it('429 and 503 with Retry-After come back later; 429 without it waits a default', () => {
    expect(classifyResponse(429, '2', null, now)).toMatchObject({ kind: 'come_back_later', retryAfterMs: 2000 });
    expect(classifyResponse(503, '4', null, now)).toMatchObject({ kind: 'come_back_later', retryAfterMs: 4000 });
    expect(classifyResponse(429, null, null, now)).toMatchObject({ kind: 'come_back_later', retryAfterMs: 1000 });
  });

  it('other 5xx (503 without Retry-After too) are transient', () => {
    expect(classifyResponse(500, null, { error: { message: 'boom' } }, now)).toMatchObject({
      kind: 'transient',
      error: 'the connector answered 500: boom',
    });
    expect(classifyResponse(503, null, null, now)).toMatchObject({ kind: 'transient' });
  });

  it('other statuses are permanent, with the reason kept', () => {
    expect(classifyResponse(400, null, { error: { message: 'bad field' } }, now)).toMatchObject({
      kind: 'permanent',
      status: 400,
      error: 'the connector answered 400: bad field',
    });
    expect(classifyResponse(302, null, null, now)).toMatchObject({ kind: 'permanent' });
  });

  it('timeouts and refused connections are transient', () => {
    expect(transportFailure(new Error('x'), true, 5000)).toMatchObject({ kind: 'transient', status: null, error: expect.stringContaining('5000 ms') });
    const refused = new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    expect(transportFailure(refused, false, 5000)).toMatchObject({ error: expect.stringContaining('ECONNREFUSED') });
    const refusedDirectly = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(transportFailure(refusedDirectly, false, 5000)).toMatchObject({ error: 'the connector could not be reached: ECONNREFUSED' });
  });
});
