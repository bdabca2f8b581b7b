/**
 * Sends `items` through `send` in rounds in which no key appears twice: each key's first
 * item goes in the first round, its second in the next, and so on, every round in the
 * items' order and sent after the one before was answered. For a statement that may not
 * name a row twice (an update would match it once; an insert would conflict with
 * itself): a repeat then sees the earlier round's write, as statements sent one by one
 * would. Answers one result per item, in the items' order.
 */
export async function inDistinctRounds<Item, Result>(
  items: readonly Item[],
  keyOf: (item: Item) => string,
  send: (round: Item[]) => Promise<Result[]>,
): Promise<Result[]> {
  const results = new Array<Result>(items.length);
  let left = items.map((item, index) => ({ item, index }));
  while (left.length > 0) {
    const seen = new Set<string>();
    const round: typeof left = [];
    const later: typeof left = [];
    for (const entry of left) {
      const key = keyOf(entry.item);
      if (seen.has(key)) {
        later.push(entry);
      } else {
        seen.add(key);
        round.push(entry);
      }
    }
    const answered = await send(round.map((entry) => entry.item));
    if (answered.length !== round.length) throw new Error(`a round of ${round.length} was answered with ${answered.length} results`);
    round.forEach((entry, position) => (results[entry.index] = answered[position] as Result));
    left = later;
  }
  return results;
}
