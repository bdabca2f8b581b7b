import type { DeliveryRef } from '@interflow/broker';
import type { Logger } from '@interflow/core';
import type { MonotonicClock } from './monotonic-clock';
import type { PrefetchBuffer } from './prefetch-buffer';

export interface PrefetchLeaseKeeperDeps {
  buffer: PrefetchBuffer;
  keepLeases(refs: DeliveryRef[]): Promise<Map<string, Date>>;
  monotonic: MonotonicClock;
  logger: Logger;
  /** After each keep (deliveries may have been dropped): hand the buffer's head on. */
  afterKeep(): void;
}

/**
 * Keeps the leases of the deliveries waiting in a prefetch buffer: one statement for all
 * of them, a third of a lease after the last keep, so waiting for a handler never lets a
 * lease lapse. Those whose lease was lost anyway are dropped from the buffer.
 */
export class PrefetchLeaseKeeper {
  private timer: NodeJS.Timeout | null = null;
  private keeping = false;
  private stopped = false;

  constructor(private readonly deps: PrefetchLeaseKeeperDeps) {}

  /** Arms the timer for the next keep due, unless one is armed or running. */
  schedule(): void {
    if (this.timer || this.keeping || this.stopped) return;
    const next = this.deps.buffer.nextKeepAt();
    if (next === null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.keep();
    }, Math.max(10, next - this.deps.monotonic()));
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async keep(): Promise<void> {
    const { buffer, logger } = this.deps;
    const held = buffer.all();
    if (held.length === 0 || this.stopped) return;
    this.keeping = true;
    const sentAt = this.deps.monotonic();
    try {
      const deadlines = await this.deps.keepLeases(held);
      const dropped = buffer.kept(deadlines, sentAt, new Set(held.map((d) => d.messageId)));
      if (dropped.length > 0) logger.warn('prefetched deliveries lost their leases before a handler was free', { messageIds: dropped });
    } catch (error) {
      logger.warn('keeping the leases of prefetched deliveries failed; retrying', { error });
    } finally {
      this.keeping = false;
      this.schedule();
      this.deps.afterKeep();
    }
  }
}
