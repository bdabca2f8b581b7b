/** What the batch runner says about one item: done, failed, or "run me again in a later batch". */
export type BatchOutcome<Result> = { value: Result } | { error: Error } | { retry: true };

export interface CoalescingBatcherOptions {
  /** Batches running at once (each on its own connection). */
  maxInFlight: number;
  /** Items per batch at most. */
  maxBatch: number;
}

interface Waiting<Item, Result> {
  item: Item;
  resolve(value: Result): void;
  reject(error: Error): void;
}

/**
 * Group commit: callers submit one item each and wait for its result; items that arrive
 * while batches are in flight wait and then go together in the next batch. With no
 * contention an item runs alone at once (no added latency); under load each round trip
 * and each commit serves many callers. Used for single publishes and for acks.
 */
export class CoalescingBatcher<Item, Result> {
  private waiting: Waiting<Item, Result>[] = [];
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly runBatch: (items: Item[]) => Promise<BatchOutcome<Result>[]>,
    private readonly options: CoalescingBatcherOptions,
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.pump();
    });
  }

  /** Resolves once nothing waits and nothing is in flight. */
  drain(): Promise<void> {
    if (this.inFlight === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.inFlight++;
      void this.run(batch);
    }
    if (this.inFlight === 0 && this.waiting.length === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private async run(batch: Waiting<Item, Result>[]): Promise<void> {
    const retry: Waiting<Item, Result>[] = [];
    try {
      const outcomes = await this.runBatch(batch.map((w) => w.item));
      batch.forEach((waiting, index) => {
        const outcome = outcomes[index];
        if (!outcome) waiting.reject(new Error('batch runner gave no outcome for an item'));
        else if ('value' in outcome) waiting.resolve(outcome.value);
        else if ('error' in outcome) waiting.reject(outcome.error);
        else retry.push(waiting);
      });
    } catch (error) {
      for (const waiting of batch) waiting.reject(error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.waiting.unshift(...retry);
      this.inFlight--;
      this.pump();
    }
  }
}
