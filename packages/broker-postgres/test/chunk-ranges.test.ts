import { chunkRanges } from '../src/chunked-insert';

const cases: [string, number, number, [number, number][]][] = [
  ['nothing: no chunk', 0, 2_500, []],
  ['fewer rows than a chunk: one', 10, 2_500, [[0, 10]]],
  ['exactly a chunk: one', 2_500, 2_500, [[0, 2_500]]],
  ['one row more: two even halves', 2_501, 2_500, [[0, 1_250], [1_250, 2_501]]],
  ['20,000 in chunks of 2,500: eight', 20_000, 2_500, Array.from({ length: 8 }, (_, n): [number, number] => [n * 2_500, (n + 1) * 2_500])],
  ['uneven: sizes differ by one at most, in order, nothing left out', 10, 4, [[0, 3], [3, 6], [6, 10]]],
];

describe('chunkRanges', () => {
  it.each(cases)('%s', (_name, count, size, expected) => {
    expect(chunkRanges(count, size)).toEqual(expected);
  });
});
