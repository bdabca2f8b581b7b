/**
 * A one-slot doorbell for a loop: `ring()` wakes the current or the next `wait()`, so a
 * ring that arrives while the loop is busy is not lost.
 */
export class WakeSignal {
  private rung = false;
  private wake: (() => void) | null = null;

  ring(): void {
    this.rung = true;
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** Resolves true at the next ring (at once if one came since the last wait), false after `timeoutMs`. */
  wait(timeoutMs: number): Promise<boolean> {
    if (this.rung) {
      this.rung = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve(false);
      }, timeoutMs);
      this.wake = () => {
        clearTimeout(timer);
        this.rung = false;
        resolve(true);
      };
    });
  }
}
