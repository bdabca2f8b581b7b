import type { Broker } from '@interflow/broker';
import { ValidationError, type Clock, type Logger, type Sql } from '@interflow/core';
import { createNotification } from './notifications';
import { runOutcomeNotifications, type RunOutcomeFacts } from './run-outcome-rules';

/**
 * Raises what a run's end calls for under its action's rules, each notification stored
 * with its fan-out message in one transaction. Any number of runners and producers may
 * raise the same occurrence: its dedupe key stores (and fans out) it once. A rule that
 * names recipients deleted since is logged and skipped; any other failure is thrown, so
 * the run stays marked and housekeeping raises it again.
 * Answers how many notifications this call stored.
 */
export async function raiseRunOutcomeNotifications(
  deps: { sql: Sql; clock: Clock; broker: Broker; logger: Logger },
  facts: RunOutcomeFacts,
): Promise<number> {
  let stored = 0;
  for (const draft of runOutcomeNotifications(facts)) {
    try {
      const { notification, created } = await createNotification(deps.sql, deps.clock, draft, deps.broker);
      if (!created) continue;
      stored += 1;
      deps.logger.info('run outcome notification raised', { notificationId: notification.id, runId: facts.runId, actionId: facts.actionId });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      deps.logger.error('a run outcome rule could not raise its notification', {
        runId: facts.runId,
        actionId: facts.actionId,
        dedupeKey: draft.dedupeKey,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return stored;
}
