import { inDistinctRounds } from '../src/batching/distinct-rounds';

describe('inDistinctRounds', () => {
  const byKey = (item: string) => item.split(':')[0]!;

  it.each([
    { items: [], rounds: [] },
    { items: ['a:1', 'b:1', 'c:1'], rounds: [['a:1', 'b:1', 'c:1']] },
    { items: ['a:1', 'b:1', 'a:2', 'c:1', 'a:3', 'b:2'], rounds: [['a:1', 'b:1', 'c:1'], ['a:2', 'b:2'], ['a:3']] },
    { items: ['a:1', 'a:2'], rounds: [['a:1'], ['a:2']] },
  ])('sends $items as $rounds and answers in the items order', async ({ items, rounds }) => {
    const sent: string[][] = [];
    const results = await inDistinctRounds(items, byKey, async (round) => {
      sent.push(round);
      return round.map((item) => `done ${item}`);
    });
    expect(sent).toEqual(rounds);
    expect(results).toEqual(items.map((item) => `done ${item}`));
  });

  it('sends a round only after the one before was answered', async () => {
    const events: string[] = [];
    await inDistinctRounds(['a:1', 'a:2'], byKey, async (round) => {
      events.push(`sent ${round.join()}`);
      await new Promise((resolve) => setImmediate(resolve));
      events.push(`answered ${round.join()}`);
      return round;
    });
    expect(events).toEqual(['sent a:1', 'answered a:1', 'sent a:2', 'answered a:2']);
  });

  it('fails when a round is answered with the wrong count, and when a round fails', async () => {
    await expect(inDistinctRounds(['a:1', 'b:1'], byKey, async () => ['one'])).rejects.toThrow(/answered with 1 results/);
    await expect(inDistinctRounds(['a:1'], byKey, async () => Promise.reject(new Error('the statement failed')))).rejects.toThrow('the statement failed');
  });
});
