import { CoalescingBatcher } from '../src/batching/coalescing-batcher';

/** Resolves after the current event-loop turn (and every microtask before it). */
const endOfTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('CoalescingBatcher (group commit)', () => {
  it('sends the items of one turn together at its end, and those arriving meanwhile in the next batch', async () => {
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
    const first = [1, 2].map((n) => batcher.submit(n));
    expect(batches).toEqual([]);
    await endOfTurn();
    expect(batches).toEqual([[1, 2]]);
    const rest = [3, 4].map((n) => batcher.submit(n));
    await endOfTurn();
    expect(batches).toEqual([[1, 2]]);
    release();
    expect(await Promise.all([...first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1, 2], [3, 4]]);
  });

  it('lets callers answered by a batch submit again and ride with the items that waited', async () => {
    const batches: string[][] = [];
    const releases: (() => void)[] = [];
    const batcher = new CoalescingBatcher<string, string>(
      async (items) => {
        batches.push(items);
        await new Promise<void>((resolve) => releases.push(resolve));
        return items.map((item) => ({ value: item }));
      },
      { maxInFlight: 1, maxBatch: 100 },
    );
    // Publisher a publishes twice in a row; b waits while a's first item is in flight.
    const publisherA = (async () => {
      await batcher.submit('a1');
      await batcher.submit('a2');
    })();
    await endOfTurn();
    const b = batcher.submit('b1');
    releases.shift()?.();
    // The batcher's own end-of-turn gathering is scheduled after ours: two turns.
    await endOfTurn();
    await endOfTurn();
    expect(batches).toEqual([['a1'], ['b1', 'a2']]);
    releases.shift()?.();
    await Promise.all([publisherA, b]);
  });

  it('runs an after-turn task once the answered callers submitted again, just before their batch leaves', async () => {
    const events: string[] = [];
    const releases: (() => void)[] = [];
    const batcher: CoalescingBatcher<string, string> = new CoalescingBatcher<string, string>(
      async (items) => {
        events.push(`send ${items.join(',')}`);
        await new Promise<void>((resolve) => releases.push(resolve));
        batcher.afterTurn(() => events.push(`after ${items.join(',')}`));
        return items.map((item) => ({ value: item }));
      },
      { maxInFlight: 1, maxBatch: 100 },
    );
    const publisher = (async () => {
      await batcher.submit('a1');
      events.push('a1 answered');
      await batcher.submit('a2');
    })();
    await endOfTurn();
    releases.shift()?.();
    await endOfTurn();
    await endOfTurn();
    expect(events).toEqual(['send a1', 'a1 answered', 'after a1', 'send a2']);
    releases.shift()?.();
    await publisher;
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
    expect(calls).toBe(2);
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
    expect(sizes).toEqual([2, 2, 1]);
  });
});
