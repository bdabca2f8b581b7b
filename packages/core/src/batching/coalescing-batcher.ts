import { nextGroupCommitStep, type GroupCommitLimits } from './group-commit-step';

/**
 * What the batch runner says about one item: done, failed (the error passed on to the
 * item's caller as it was thrown), or "run me again in a later batch".
 */
export type BatchOutcome<Result> = { value: Result } | { error: unknown } | { retry: true };

export type CoalescingBatcherOptions = GroupCommitLimits;

interface Waiting<Item, Result> {
  item: Item;
  resolve(value: Result): void;
  reject(error: unknown): void;
}

/**
 * Group commit: callers submit one item each and wait for its result; items submitted
 * in the same event-loop turn, or while batches are in flight, go together in the next
 * batch (`nextGroupCommitStep` says when). Under load each round trip and each commit
 * serves many callers; each caller is answered only after the batch that carried its
 * item returned. Used for single publishes (`@interflow/broker-postgres`).
 */
export class CoalescingBatcher<Item, Result> {
  private waiting: Waiting<Item, Result>[] = [];
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];
  /** An end-of-turn `setImmediate` is pending. */
  private gathering = false;
  private afterTurnTasks: (() => void)[] = [];

  constructor(
    private readonly runBatch: (items: Item[]) => Promise<BatchOutcome<Result>[]>,
    private readonly options: CoalescingBatcherOptions,
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.pump(false);
    });
  }

  /**
   * Runs `task` at the end of this event-loop turn, just before the batch gathered in the
   * turn leaves: work that follows a commit (handing its messages to a local consumer)
   * waits until the callers answered by that commit have submitted again, and the
   * handlers it starts run on while the next statement is at the database. `task` must
   * not throw.
   */
  afterTurn(task: () => void): void {
    this.afterTurnTasks.push(task);
    this.scheduleTurnEnd();
  }

  /** Resolves once nothing waits and nothing is in flight. */
  drain(): Promise<void> {
    if (this.inFlight === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(turnEnded: boolean): void {
    for (;;) {
      const step = nextGroupCommitStep({ waiting: this.waiting.length, inFlight: this.inFlight, turnEnded }, this.options);
      if (step.kind === 'gather') {
        this.scheduleTurnEnd();
        return;
      }
      if (step.kind !== 'send') break;
      const batch = this.waiting.splice(0, step.count);
      this.inFlight++;
      void this.run(batch);
    }
    if (this.inFlight === 0 && this.waiting.length === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private scheduleTurnEnd(): void {
    if (this.gathering) return;
    this.gathering = true;
    setImmediate(() => {
      this.gathering = false;
      const tasks = this.afterTurnTasks;
      this.afterTurnTasks = [];
      for (const task of tasks) task();
      this.pump(true);
    });
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
      for (const waiting of batch) waiting.reject(error);
    } finally {
      this.waiting.unshift(...retry);
      this.inFlight--;
      // Not at once: the callers just answered may submit again within this turn.
      this.pump(false);
    }
  }
}
