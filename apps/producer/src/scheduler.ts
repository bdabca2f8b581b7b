import { type Clock, type Logger, type Sql, describeError, InterflowError } from '@interflow/core';
import type { TransactionSql as Transaction } from '@interflow/broker';
import { dueScheduleIds, earliestDueAt, markScheduleFailed, type RunRequestKeys, scheduleChangesChannel } from '@interflow/registry';
import { fireBatch, type FireBatchResult } from './fire-due-schedules';
import type { FirePublisher } from './fire-publisher';
import type { SchedulerMetrics } from './scheduler-metrics';
import type { SchedulerSettings } from './scheduler-settings';

/** How long to wait when due schedules are all held by other producers. */
const BUSY_ELSEWHERE_MS = 25;

export interface SchedulerDependencies {
  sql: Sql;
  /** The installation's schema: names the schedule-change channel. */
  schema: string;
  publisher: FirePublisher;
  /** Signs the run requests of action fires. */
  runRequestKeys: RunRequestKeys;
  logger: Logger;
  clock: Clock;
  metrics: SchedulerMetrics;
  settings: SchedulerSettings;
}

/**
 * The producer's scheduling loop: fire what is due, then sleep until the earliest next
 * fire (at most `idleWakeMs`), or until the api announces a schedule change. Stopping
 * lets the pass in progress commit, then returns.
 */
export class Scheduler {
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeSleeper: (() => void) | null = null;
  private wakeRequested = false;
  private unlisten: (() => Promise<void>) | null = null;

  constructor(private readonly deps: SchedulerDependencies) {}

  async start(): Promise<void> {
    if (this.running) return;
    // Listening first: when it fails (the database went away) start can simply be called again.
    const listener = await this.deps.sql.listen(scheduleChangesChannel(this.deps.schema), () => this.wake());
    this.unlisten = listener.unlisten;
    this.running = true;
    this.loop = this.run();
  }

  /** True while the loop waits for its timer or a wake-up (nothing in progress). */
  get sleeping(): boolean {
    return this.wakeSleeper !== null;
  }

  /** Ends the sleep now (a schedule changed, or a test moved the clock). */
  wake(): void {
    this.wakeRequested = true;
    this.wakeSleeper?.();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake();
    await this.loop;
    await this.unlisten?.().catch(() => undefined);
  }

  /** One pass over everything due now; the loop calls it, tests may too. */
  async firePass(): Promise<FireBatchResult> {
    const now = this.deps.clock.now();
    try {
      const result = await this.deps.sql.begin((tx) => fireBatch(tx as Transaction, this.deps.publisher, this.deps.runRequestKeys, this.deps.settings, now, null));
      this.observe(result, now);
      return result;
    } catch (error) {
      // A lost connection or a database error: nothing was committed; the loop retries.
      if (!(error instanceof InterflowError)) throw error;
      // One schedule's target (a missing exchange, an unroutable message) failed the
      // whole batch: fire them one by one so the others publish, and park the failing
      // ones until their retry time.
      this.deps.logger.warn('schedule batch failed; firing one schedule per transaction', { error: describeError(error) });
      return this.firePassOneByOne(now);
    }
  }

  private async firePassOneByOne(now: Date): Promise<FireBatchResult> {
    const { sql, logger, settings, publisher, metrics, runRequestKeys } = this.deps;
    const total: FireBatchResult = { claimed: 0, full: false, fires: [], missed: 0 };
    const ids = await sql.begin((tx) => dueScheduleIds(tx as Transaction, now, settings.batchSize));
    for (const id of ids) {
      try {
        const result = await sql.begin((tx) => fireBatch(tx as Transaction, publisher, runRequestKeys, settings, now, [id]));
        this.observe(result, now);
        total.claimed += result.claimed;
        total.fires.push(...result.fires);
        total.missed += result.missed;
      } catch (error) {
        if (!(error instanceof InterflowError)) throw error;
        metrics.publishFailures.inc();
        const message = error instanceof Error ? error.message : String(error);
        logger.error('could not publish a fire of a schedule; retrying later', { scheduleId: id, error: message });
        const retryAt = new Date(now.getTime() + settings.failureRetryMs);
        await sql.begin((tx) => markScheduleFailed(tx as Transaction, id, message, retryAt));
      }
    }
    return total;
  }

  private observe(result: FireBatchResult, firedAt: Date): void {
    const { metrics, logger, clock } = this.deps;
    const committedAt = clock.now().getTime();
    for (const fire of result.fires) {
      metrics.fires.inc({ outcome: fire.outcome });
      if (fire.outcome === 'published') metrics.fireLag.observe(Math.max(0, committedAt - fire.fireTime.getTime()) / 1000);
      logger.debug('fire handled', { scheduleId: fire.scheduleId, fireTime: fire.fireTime.toISOString(), outcome: fire.outcome });
    }
    if (result.missed > 0) {
      metrics.missedFires.inc(result.missed);
      logger.info('missed fires dropped by policy', { count: result.missed, at: firedAt.toISOString() });
    }
  }

  private async run(): Promise<void> {
    const { logger, settings } = this.deps;
    while (this.running) {
      this.wakeRequested = false;
      let full = false;
      let claimed = 0;
      // allSettled: every pass of this round has ended before the next round (or stop)
      const passes = await Promise.allSettled(Array.from({ length: settings.concurrency }, () => this.firePass()));
      for (const pass of passes) {
        if (pass.status === 'fulfilled') {
          full ||= pass.value.full;
          claimed += pass.value.claimed;
        } else {
          logger.error('scheduler pass failed', { error: describeError(pass.reason) });
        }
      }
      if (!this.running) break;
      if (full || this.wakeRequested) continue;
      const wait = await this.msUntilNextDue().catch(() => settings.idleWakeMs);
      // Due already but nothing claimed: another producer holds those schedules right now.
      await this.sleep(claimed === 0 && wait === 0 ? BUSY_ELSEWHERE_MS : wait);
    }
  }

  private async msUntilNextDue(): Promise<number> {
    const { sql, clock, settings } = this.deps;
    const { nextFireAt, anyBuffered } = await earliestDueAt(sql);
    if (anyBuffered || !nextFireAt) return settings.idleWakeMs;
    return Math.min(settings.idleWakeMs, Math.max(0, nextFireAt.getTime() - clock.now().getTime()));
  }

  private sleep(ms: number): Promise<void> {
    if (this.wakeRequested || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeSleeper = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeSleeper = done;
    });
  }
}
