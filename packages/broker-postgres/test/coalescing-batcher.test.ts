import { CoalescingBatcher } from '../src/coalescing-batcher';

describe('CoalescingBatcher (group commit)', () => {
  it('runs a lone item at once and coalesces items that arrive while a batch is in flight', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const batcher = new CoalescingBatcher<number, number>(
      async (items) => {
        batches.push(items);
        if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return items.map((n) => ({ value: n * 10 }));
      },
      { maxInFlight: 1, maxBatch: 100 },
    );
    const first = batcher.submit(1);
    const rest = [2, 3, 4].map((n) => batcher.submit(n));
    expect(batches).toEqual([[1]]);
    release();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('fails only the items that failed and retries the ones asked to', async () => {
    let calls = 0;
    const batcher = new CoalescingBatcher<string, string>(
      async (items) => {
        calls++;
        return items.map((item) => (item === 'bad' ? { error: new Error('bad item') } : calls === 1 ? { retry: true as const } : { value: item }));
      },
      { maxInFlight: 1, maxBatch: 10 },
    );
    const results = await Promise.allSettled(['a', 'bad', 'b'].map((item) => batcher.submit(item)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    await batcher.drain();
  });

  it('rejects the whole batch when the runner throws, and respects maxBatch', async () => {
    const sizes: number[] = [];
    const batcher = new CoalescingBatcher<number, number>(
      async (items) => {
        sizes.push(items.length);
        throw new Error('database down');
      },
      { maxInFlight: 1, maxBatch: 2 },
    );
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => batcher.submit(n)));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(sizes).toEqual([1, 2, 2]);
  });
});
