import { ackFramesFor } from '../src/ack-batcher';

describe('ackFramesFor', () => {
  const cases: { name: string; outstanding: number[]; acked: number[]; upTo: number | null; single: number[]; stillHeld: number[] }[] = [
    { name: 'nothing acked', outstanding: [1, 2, 3], acked: [], upTo: null, single: [], stillHeld: [1, 2, 3] },
    { name: 'the whole list: one multiple ack', outstanding: [1, 2, 3], acked: [3, 1, 2], upTo: 3, single: [], stillHeld: [] },
    { name: 'a prefix of one is a single ack', outstanding: [4, 5, 6], acked: [4], upTo: null, single: [4], stillHeld: [5, 6] },
    { name: 'a held head: the rest one by one, not waiting behind it', outstanding: [1, 2, 3, 4], acked: [2, 4], upTo: null, single: [2, 4], stillHeld: [1, 3] },
    { name: 'a prefix, then a gap, then more', outstanding: [7, 8, 9, 10, 11], acked: [7, 8, 10], upTo: 8, single: [10], stillHeld: [9, 11] },
    { name: 'a tag never recorded is still acked, alone', outstanding: [1, 2], acked: [1, 2, 5], upTo: 2, single: [5], stillHeld: [] },
  ];
  it.each(cases)('$name', ({ outstanding, acked, upTo, single, stillHeld }) => {
    expect(ackFramesFor(outstanding, new Set(acked))).toEqual({ upTo, single, stillHeld });
  });
});
