import { isPlainPublishId, MessageIds } from '../src/message-ids';

describe('message ids', () => {
  it('a plain publish id carries the mark, a tracked one does not, and each kind increases strictly', () => {
    const plain = new MessageIds('plain');
    const tracked = new MessageIds('tracked');
    const plainIds = Array.from({ length: 5_000 }, () => plain.next());
    const trackedIds = Array.from({ length: 5_000 }, () => tracked.next());
    expect(plainIds.every(isPlainPublishId)).toBe(true);
    expect(trackedIds.some(isPlainPublishId)).toBe(false);
    for (const ids of [plainIds, trackedIds]) {
      for (let i = 1; i < ids.length; i++) expect(BigInt(ids[i]!)).toBeGreaterThan(BigInt(ids[i - 1]!));
      expect(ids.every((id) => BigInt(id) < 1n << 63n)).toBe(true);
    }
  });

  it.each([
    ['999999999', false],
    ['4611686018427387904', true], // 2^62: the mark alone
    ['4611686018427387903', false], // 2^62 - 1
    ['9223372036854775807', true], // the largest 63-bit number
    ['9223372036854775808', false], // 2^63: not a 63-bit number
    ['46116860184273879040', false], // 20 digits
    ['not-a-message-id', false],
    ['', false],
    ['-4611686018427387904', false],
  ])('isPlainPublishId(%p) is %p', (id, expected) => {
    expect(isPlainPublishId(id)).toBe(expected);
  });
});
