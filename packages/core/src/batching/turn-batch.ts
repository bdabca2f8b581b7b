/**
 * Gathers the calls made during one event-loop turn into one batch: the first call of a
 * turn schedules the batch for the turn's end (`setImmediate`), every call until then
 * joins it, and each caller is answered when the batch it rode in is answered. The
 * handlers of messages claimed together (the runner's) run their steps in the same turns, so their
 * reads and attempt starts go to the database as one statement instead of one each. A
 * lone call waits one turn (microseconds on an idle process). Batches of different turns
 * may be in flight at once; a batch that fails fails every call in it.
 */
export class TurnBatch<Item, Result> {
  private waiting: { item: Item; resolve(value: Result): void; reject(error: unknown): void }[] = [];
  private scheduled = false;

  /** `runBatch` answers one result per item, in order. */
  constructor(
    private readonly runBatch: (items: Item[]) => Promise<Result[]>,
    private readonly maxBatch = 500,
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.send());
    });
  }

  private send() {
    this.scheduled = false;
    const all = this.waiting;
    this.waiting = [];
    for (let start = 0; start < all.length; start += this.maxBatch) {
      const batch = all.slice(start, start + this.maxBatch);
      this.runBatch(batch.map((waiting) => waiting.item)).then(
        (results) => {
          if (results.length !== batch.length) throw new Error(`a batch of ${batch.length} was answered with ${results.length} results`);
          batch.forEach((waiting, index) => waiting.resolve(results[index] as Result));
        },
        (error: unknown) => batch.forEach((waiting) => waiting.reject(error)),
      ).catch((error: unknown) => batch.forEach((waiting) => waiting.reject(error)));
    }
  }
}
