/**
 * Resolves once `tick()` was called `target` times, or rejects at the deadline, so a
 * broker that loses messages fails the run instead of hanging it. Resolving from the
 * tick itself (not by polling) keeps the measured end time exact.
 */
export class Countdown {
  private count = 0;
  private settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
  private timer: NodeJS.Timeout | undefined;
  readonly done: Promise<void>;

  constructor(
    readonly target: number,
    readonly what: string,
  ) {
    this.done = new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    if (target <= 0) this.finish();
  }

  get ticks(): number {
    return this.count;
  }

  tick(): void {
    this.count += 1;
    if (this.count === this.target) this.finish();
  }

  /** Starts the deadline; call it when the measured phase begins. */
  within(timeoutMs: number): Promise<void> {
    this.timer = setTimeout(() => {
      this.settle?.reject(new Error(`timed out after ${timeoutMs} ms waiting for ${this.what}: ${this.count} of ${this.target}`));
    }, timeoutMs);
    return this.done;
  }

  private finish(): void {
    if (this.timer) clearTimeout(this.timer);
    this.settle?.resolve();
  }
}
