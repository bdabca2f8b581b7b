import type { Broker } from '@interflow/broker';
import type { Clock, Logger, Sql } from '@interflow/core';
import {
  escalateUnconfirmed,
  expireDeliveries,
  fanOutNotification,
  notificationsAwaitingFanOut,
  queueSends,
  remindUnconfirmed,
  unqueuedSends,
} from '@interflow/notifications';

export interface SweepSettings {
  /** How often reminders, escalations and expiry are looked for. */
  sweepIntervalMs: number;
  /** A notification or send not queued this long after it was stored is picked up by the sweep. */
  stragglerAfterMs: number;
}

/**
 * The time-driven half of notifications, one pass every `sweepIntervalMs`: expire,
 * remind, escalate (each exactly once, whichever runner gets there first), and queue
 * fan-outs and sends whose publish was interrupted. Time is the clock's, so tests move
 * it instead of waiting.
 */
export class NotificationSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly deps: { sql: Sql; broker: Broker; clock: Clock; logger: Logger; settings: SweepSettings }) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweepOnce()
        .then(() => undefined)
        .catch((error: unknown) => void this.deps.logger.warn('notification sweep failed', { error: String(error) }))
        .finally(() => {
          this.running = null;
        });
    }, this.deps.settings.sweepIntervalMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass; returns what it did (tests call it directly). */
  async sweepOnce(): Promise<{ expired: number; reminded: number; escalatedSends: number; fannedOut: number; requeued: number }> {
    const { sql, broker, clock, settings } = this.deps;
    const now = clock.now();
    const expired = await expireDeliveries(sql, now);
    const reminders = await remindUnconfirmed(sql, now);
    await queueSends(sql, broker, reminders, now);
    const escalations = await escalateUnconfirmed(sql, now);
    await queueSends(sql, broker, escalations, now);
    let fannedOut = 0;
    for (const id of await notificationsAwaitingFanOut(sql, now, settings.stragglerAfterMs, 100)) {
      const outcome = await fanOutNotification(sql, clock, id);
      await queueSends(sql, broker, outcome.sends, now);
      fannedOut += 1;
    }
    const stragglers = await unqueuedSends(sql, now, settings.stragglerAfterMs, 1000);
    await queueSends(sql, broker, stragglers, now);
    return { expired, reminded: reminders.length, escalatedSends: escalations.length, fannedOut, requeued: stragglers.length };
  }
}
