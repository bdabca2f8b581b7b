import { signPayload, verifySignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../src';

describe('request signature', () => {
  const secret = 's3cret-signing-key';
  const now = new Date('2026-11-27T12:00:00Z');

  it('accepts what it signed', () => {
    const headers = signPayload(secret, '{"a":1}', now);
    expect(headers[TIMESTAMP_HEADER]).toBe(String(now.getTime() / 1000));
    expect(headers[SIGNATURE_HEADER]).toMatch(/^v1=[0-9a-f]{64}$/);
    const verdict = verifySignature({
      secret,
      payload: '{"a":1}',
      timestampHeader: headers[TIMESTAMP_HEADER],
      signatureHeader: headers[SIGNATURE_HEADER],
      now,
    });
    expect(verdict).toEqual({ valid: true });
  });

  it('refuses a changed payload, a changed timestamp and another secret', () => {
    const headers = signPayload(secret, '{"a":1}', now);
    const base = { secret, payload: '{"a":1}', timestampHeader: headers[TIMESTAMP_HEADER], signatureHeader: headers[SIGNATURE_HEADER], now };
    expect(verifySignature({ ...base, payload: '{"a":2}' })).toMatchObject({ valid: false, reason: 'mismatch' });
    expect(verifySignature({ ...base, timestampHeader: String(Number(base.timestampHeader) + 1) })).toMatchObject({
      valid: false,
      reason: 'mismatch',
    });
    expect(verifySignature({ ...base, secret: 'other' })).toMatchObject({ valid: false, reason: 'mismatch' });
  });

  it('refuses a timestamp outside the tolerance, either way', () => {
    const headers = signPayload(secret, 'x', now);
    const base = { secret, payload: 'x', timestampHeader: headers[TIMESTAMP_HEADER], signatureHeader: headers[SIGNATURE_HEADER] };
    expect(verifySignature({ ...base, now: new Date(now.getTime() + 301_000) })).toMatchObject({ valid: false, reason: 'stale' });
    expect(verifySignature({ ...base, now: new Date(now.getTime() - 301_000) })).toMatchObject({ valid: false, reason: 'stale' });
    expect(verifySignature({ ...base, now: new Date(now.getTime() + 299_000) })).toEqual({ valid: true });
    expect(verifySignature({ ...base, now: new Date(now.getTime() + 2_000), toleranceMs: 1_000 })).toMatchObject({ reason: 'stale' });
  });

  it('refuses missing and malformed headers', () => {
    expect(verifySignature({ secret, payload: 'x', timestampHeader: undefined, signatureHeader: 'v1=00' })).toMatchObject({
      reason: 'missing_headers',
    });
    expect(verifySignature({ secret, payload: 'x', timestampHeader: 'yesterday', signatureHeader: `v1=${'0'.repeat(64)}` })).toMatchObject({
      reason: 'malformed',
    });
    expect(verifySignature({ secret, payload: 'x', timestampHeader: '1', signatureHeader: 'v2=abc' })).toMatchObject({ reason: 'malformed' });
  });
});
