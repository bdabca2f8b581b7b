import { Counter } from 'prom-client';
import type { Broker, HousekeepingCounts } from '@interflow/broker';
import { describeError, type Logger, type MetricsRegistry, type Sql } from '@interflow/core';
import { pruneEvents } from '@interflow/event-log';
import { failAbandonedRuns, pruneFireKeys, pruneResponseCache, unfinishedRunSlice } from '@interflow/registry';
import { abandonedRunReason } from './abandoned-run-reason';

export interface HousekeepingSettings {
  /** Pause between rounds of expiring messages and returning leases. */
  intervalMs: number;
  /** Pruning of history runs at most this often. */
  pruneIntervalMs: number;
  /** Fire keys older than this are deleted. */
  fireKeyRetentionMs: number;
  /** Events older than this leave the event stream's log (its replay window). */
  eventReplayWindowMs: number;
  /** Queue rate buckets older than this are deleted. */
  rateRetentionMs: number;
  /** Consumers silent for longer than this leave the registry. */
  consumerSilenceMs: number;
}

const CHORE_LIMIT = 1000;
/** Unfinished runs checked per round for a message that is gone (a slice of a cycle through all of them). */
const ORPHAN_CHECK_LIMIT = 500;
/** A chore that handled a full batch runs again at once, but a round does at most this many batches. */
const MAX_BATCHES_PER_ROUND = 20;

/**
 * The producer's housekeeping loop around the broker's chores: expire messages past
 * their TTL, return lapsed leases, end runs whose message is gone from every queue (a
 * slice of the unfinished runs per round), raise run-outcome rules a crash left unraised, prune history (rate buckets, silent
 * consumers, old fire keys, events past the replay window, expired cached responses).
 * Every chore skips rows another producer holds, so each producer runs it.
 */
export class Housekeeping {
  private running = false;
  private loop: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private wakeSleeper: (() => void) | null = null;
  private lastPruneAt = 0;
  private orphanCursor = '0';
  private readonly handled: Counter<'chore'>;

  constructor(
    private readonly deps: {
      sql: Sql;
      broker: Pick<Broker, 'housekeep' | 'locateMessages'>;
      logger: Logger;
      metrics: MetricsRegistry;
      settings: HousekeepingSettings;
      /** Told of each run housekeeping ends (its action's notification rules); makes up raises a crash lost. */
      outcomes?: { runEnded(runId: string): void; makeUpPending(now: Date): Promise<number> };
    },
  ) {
    this.handled = new Counter({
      name: 'interflow_housekeeping_handled_total',
      help: 'Rows handled by housekeeping, by chore (expired, lapsed_leases, orphaned_runs, outcome_rules, pruned).',
      labelNames: ['chore'],
      registers: [deps.metrics],
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Lets the chore in progress finish, then returns. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wakeSleeper?.();
    await this.loop;
  }

  /** One round of every chore that is due; the loop calls it, tests may too. */
  async runOnce(now = Date.now()): Promise<{ expired: number; returned: number; orphanedRuns: number; pruned: number }> {
    const { sql, settings } = this.deps;
    const pruneDue = now - this.lastPruneAt >= settings.pruneIntervalMs;
    if (pruneDue) this.lastPruneAt = now;
    const broker = await this.brokerChores(pruneDue);
    const expired = broker.expired;
    const returned = broker.returnedLeases;
    const orphanedRuns = await this.endOrphanedRuns();
    const outcomeRules = (await this.deps.outcomes?.makeUpPending(new Date(now))) ?? 0;
    let pruned = broker.pruned;
    if (pruneDue) {
      pruned += await this.repeat(() => pruneFireKeys(sql, settings.fireKeyRetentionMs, CHORE_LIMIT));
      pruned += await this.repeat(() => pruneEvents(sql, settings.eventReplayWindowMs, CHORE_LIMIT));
      pruned += await this.repeat(() => pruneResponseCache(sql, new Date(now), CHORE_LIMIT));
    }
    this.handled.inc({ chore: 'expired' }, expired);
    this.handled.inc({ chore: 'lapsed_leases' }, returned);
    this.handled.inc({ chore: 'orphaned_runs' }, orphanedRuns);
    this.handled.inc({ chore: 'outcome_rules' }, outcomeRules);
    this.handled.inc({ chore: 'pruned' }, pruned);
    if (expired + returned + orphanedRuns + pruned > 0) this.deps.logger.info('housekeeping', { expired, returned, orphanedRuns, pruned });
    return { expired, returned, orphanedRuns, pruned };
  }

  /**
   * The safety net under "every run reaches a final status": a run still unfinished
   * whose message is gone from every queue can never end otherwise. Each is ended as
   * failed with the reason, logged at error level (something upstream failed to end
   * it) and counted (`chore="orphaned_runs"`).
   */
  private async endOrphanedRuns(): Promise<number> {
    const { sql, broker } = this.deps;
    const { runs, lastSeq } = await unfinishedRunSlice(sql, this.orphanCursor, ORPHAN_CHECK_LIMIT);
    this.orphanCursor = lastSeq ?? '0';
    const located = await broker.locateMessages(runs.flatMap((run) => (run.messageId === null ? [] : [run.messageId])));
    const abandoned = runs.flatMap((run) => {
      const reason = run.messageId === null ? null : abandonedRunReason(located.get(run.messageId));
      return reason === null ? [] : [{ id: run.id, reason }];
    });
    const ended = await failAbandonedRuns(sql, abandoned);
    for (const run of ended) {
      this.deps.logger.error('run ended by housekeeping: its message is gone from every queue', { runId: run.id, reason: run.reason });
      this.deps.outcomes?.runEnded(run.id);
    }
    return ended.length;
  }

  /** The broker's chores, again at once while one handled a full batch; old history pruned when due. */
  private async brokerChores(pruneDue: boolean): Promise<HousekeepingCounts> {
    const { broker, settings } = this.deps;
    const total: HousekeepingCounts = { expired: 0, returnedLeases: 0, pruned: 0 };
    for (let batch = 0; batch < MAX_BATCHES_PER_ROUND; batch++) {
      const prune = pruneDue && batch === 0 ? { rateRetentionMs: settings.rateRetentionMs, consumerSilenceMs: settings.consumerSilenceMs } : undefined;
      const counts = await broker.housekeep({ limit: CHORE_LIMIT, ...(prune ? { prune } : {}) });
      total.expired += counts.expired;
      total.returnedLeases += counts.returnedLeases;
      total.pruned += counts.pruned;
      if (counts.expired < CHORE_LIMIT && counts.returnedLeases < CHORE_LIMIT) break;
    }
    return total;
  }

  private async repeat(chore: () => Promise<number>): Promise<number> {
    let total = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_ROUND; batch++) {
      const handled = await chore();
      total += handled;
      if (handled < CHORE_LIMIT) break;
    }
    return total;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.runOnce();
      } catch (error) {
        this.deps.logger.error('housekeeping round failed', { error: describeError(error) });
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        this.wakeSleeper = () => {
          if (this.timer) clearTimeout(this.timer);
          resolve();
        };
        this.timer = setTimeout(resolve, this.deps.settings.intervalMs);
      });
      this.wakeSleeper = null;
    }
  }
}
