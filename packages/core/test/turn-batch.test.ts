import { TurnBatch } from '../src/batching/turn-batch';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('TurnBatch', () => {
  it('answers the calls of one turn with one batch, in order, and those of the next turn with another', async () => {
    const batches: number[][] = [];
    const batch = new TurnBatch<number, string>(async (items) => {
      batches.push(items);
      return items.map((item) => `answer ${item}`);
    });
    const first = Promise.all([batch.submit(1), batch.submit(2), batch.submit(3)]);
    expect(batches).toEqual([]);
    expect(await first).toEqual(['answer 1', 'answer 2', 'answer 3']);
    expect(await batch.submit(4)).toBe('answer 4');
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('splits a turn larger than the largest batch', async () => {
    const batches: number[][] = [];
    const batch = new TurnBatch<number, number>(async (items) => {
      batches.push(items);
      return items;
    }, 2);
    expect(await Promise.all([1, 2, 3, 4, 5].map((n) => batch.submit(n)))).toEqual([1, 2, 3, 4, 5]);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('fails every call of a failed batch, and of a batch answered with the wrong count, and only those', async () => {
    let calls = 0;
    const batch = new TurnBatch<number, number>(async (items) => {
      calls += 1;
      if (calls === 1) throw new Error('the statement failed');
      if (calls === 2) return [1];
      return items;
    });
    const failed = [batch.submit(1), batch.submit(2)].map((p) => p.catch((error: Error) => error.message));
    expect(await Promise.all(failed)).toEqual(['the statement failed', 'the statement failed']);
    const miscounted = [batch.submit(1), batch.submit(2)].map((p) => p.catch((error: Error) => error.message));
    expect(await Promise.all(miscounted)).toEqual([expect.stringMatching(/answered with 1 results/), expect.stringMatching(/answered with 1 results/)]);
    await nextTurn();
    expect(await batch.submit(7)).toBe(7);
  });
});
