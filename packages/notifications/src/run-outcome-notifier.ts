import type { Broker } from '@interflow/broker';
import type { Clock, Logger, Sql } from '@interflow/core';
import { markOutcomeRulesRaised, readRunOutcome, runsAwaitingOutcomeRules } from '@interflow/registry';
import { raiseRunOutcomeNotifications } from './raise-run-outcome';
import { isRunOutcomeRule, type RunOutcomeRule } from './run-outcome-rules';

/** A mark older than this was left by a daemon that died before raising: housekeeping makes it up. */
export const OUTCOME_RULES_GRACE_MS = 30_000;
const MAKE_UP_BATCH = 100;

/**
 * Raises an action's run-outcome notifications when a daemon (a runner settling a run,
 * the producer ending an orphaned one) ends one of its runs: after the commit (so the
 * streak is read with the other runners' commits) and off the caller's path, so a slow
 * raise never holds a run. The run-end transaction marked the run pending; the mark goes
 * once the rules were raised, and `makeUpPending` (producer housekeeping) raises what a
 * crash left marked. Several daemons raising one occurrence store it once (its dedupe key).
 */
export class RunOutcomeNotifier {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly deps: { sql: Sql; clock: Clock; broker: Broker; logger: Logger }) {}

  runEnded(runId: string): void {
    const raising = this.raise(runId)
      .catch((error: unknown) => void this.deps.logger.error('run outcome rules could not be evaluated', { runId, error: String(error) }))
      .finally(() => this.inFlight.delete(raising));
    this.inFlight.add(raising);
  }

  /**
   * Raises the rules of runs that ended more than OUTCOME_RULES_GRACE_MS before `now` and
   * are still marked (their daemon died between the run's end and the raise). Answers
   * how many runs it settled. Several producers may make up the same run: stored once.
   */
  async makeUpPending(now: Date): Promise<number> {
    const runIds = await runsAwaitingOutcomeRules(this.deps.sql, new Date(now.getTime() - OUTCOME_RULES_GRACE_MS), MAKE_UP_BATCH);
    for (const runId of runIds) {
      this.deps.logger.warn('run outcome rules never raised for a run (its daemon stopped first): raising them now', { runId });
      await this.raise(runId).catch((error: unknown) =>
        this.deps.logger.error('run outcome rules could not be raised; the next round tries again', { runId, error: String(error) }),
      );
    }
    return runIds.length;
  }

  /** Waits for the raises in progress (shutdown, tests). */
  async drain(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private async raise(runId: string): Promise<void> {
    const outcome = await readRunOutcome(this.deps.sql, runId);
    if (!outcome) return;
    const rules: RunOutcomeRule[] = [];
    for (const rule of outcome.notificationRules) if (isRunOutcomeRule(rule)) rules.push(rule);
    if (rules.length === 0) return markOutcomeRulesRaised(this.deps.sql, runId);
    const raised = await raiseRunOutcomeNotifications(this.deps, {
      actionId: outcome.actionId,
      actionName: outcome.actionName,
      runId: outcome.runId,
      status: outcome.status,
      result: outcome.response,
      error: outcome.error,
      failureStreak: outcome.failureStreak,
      rules,
    });
    // Only now: a raise that failed half-way (the database) leaves the mark for housekeeping.
    await markOutcomeRulesRaised(this.deps.sql, runId);
    this.deps.logger.info('run outcome rules evaluated', { runId, actionId: outcome.actionId, rules: rules.length, raised });
  }
}
