import { polledItems, PolledResponseMismatch, type PolledItem } from '@interflow/registry';
import type { ActionPlan } from './action-plan';
import type { CallOutcome } from './call-outcome';

/**
 * A poller's items read from a successful answer, before anything is recorded. An answer
 * without the shape the poller declares fails the run at once (no retry makes the
 * connector answer differently): its states are left as they were, so no item is
 * called deleted because a response changed its shape.
 */
export function readPolledCollection(
  plan: Pick<ActionPlan, 'poller'>,
  outcome: CallOutcome,
): { outcome: CallOutcome; items: PolledItem[] | null } {
  if (!plan.poller || outcome.kind !== 'succeeded') return { outcome, items: null };
  try {
    return { outcome, items: polledItems(plan.poller, outcome.body) };
  } catch (error) {
    if (!(error instanceof PolledResponseMismatch)) throw error;
    return { outcome: { kind: 'permanent', status: outcome.status, body: outcome.body, error: `the poller could not read the answer: ${error.message}` }, items: null };
  }
}
