import type { Broker } from '@interflow/broker';
import type { Clock, Logger, Sql } from '@interflow/core';
import { readRunOutcome } from '@interflow/registry';
import { raiseRunOutcomeNotifications } from './raise-run-outcome';
import { isRunOutcomeRule, type RunOutcomeRule } from './run-outcome-rules';

/**
 * Raises an action's run-outcome notifications when a daemon (a runner settling a run,
 * the producer ending an orphaned one) ends one of its runs: after the commit and off
 * the caller's path, so a slow raise never holds a run. Several daemons ending runs of
 * one streak raise the same notification, stored once.
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

  /** Waits for the raises in progress (shutdown, tests). */
  async drain(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private async raise(runId: string): Promise<void> {
    const outcome = await readRunOutcome(this.deps.sql, runId);
    if (!outcome) return;
    const rules: RunOutcomeRule[] = [];
    for (const rule of outcome.notificationRules) if (isRunOutcomeRule(rule)) rules.push(rule);
    if (rules.length === 0) return;
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
    this.deps.logger.info('run outcome rules evaluated', { runId, actionId: outcome.actionId, rules: rules.length, raised });
  }
}
