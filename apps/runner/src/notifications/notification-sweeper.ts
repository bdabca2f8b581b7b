import type { Broker } from '@interflow/broker';
import type { Clock, Logger, Sql } from '@interflow/core';
import { escalateUnconfirmed, expireDeliveries, remindUnconfirmed } from '@interflow/notifications';

export interface SweepSettings {
  /** How often reminders, escalations and expiry are looked for. */
  sweepIntervalMs: number;
}

/**
 * The time-driven half of notifications, one pass every `sweepIntervalMs`: expire,
 * remind, escalate (each exactly once, whichever runner gets there first). There is
 * nothing to make up for lost publishes: a notification and its fan-out message, and
 * each send and its message, commit in one transaction (publishWithin). Time is the
 * clock's, so tests move it instead of waiting.
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
  async sweepOnce(): Promise<{ expired: number; reminderSends: number; escalatedSends: number }> {
    const { sql, broker, clock } = this.deps;
    const now = clock.now();
    const expired = await expireDeliveries(sql, now);
    const reminders = await remindUnconfirmed(sql, broker, now);
    const escalations = await escalateUnconfirmed(sql, broker, now);
    return { expired, reminderSends: reminders.length, escalatedSends: escalations.length };
  }
}
