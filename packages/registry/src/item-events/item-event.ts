import { ITEM_EVENTS_EXCHANGE, itemEventRoutingKey, type Publication } from '@interflow/broker';
import type { ItemChange, ItemChangeKind } from '../integrations/item-changes';
import { RUN_ID_HEADER } from '../run-request/run-reply';
import { ACTION_ID_HEADER } from '../run-request/run-request';

/**
 * The item-event contract (issue 17): what a poller publishes to `interflow.items` for
 * each change it saw, and what a subscriber's run gets as input. Routing key
 * `<poller action id>.item.<kind>`; deduplicated by run, kind and item, so saying it
 * again is harmless.
 */
export const ITEM_EVENT_KINDS: readonly ItemChangeKind[] = ['created', 'changed', 'deleted'];

export interface ItemEventPayload {
  event: `item.${ItemChangeKind}`;
  action_id: string;
  run_id: string;
  item_id: string;
  /** The content version (created, changed) or the last one known (deleted). */
  hash: string | null;
  /** The item as the connector returned it; null when deleted. */
  item: unknown;
  detected_at: string;
}

export function itemEventPublications(actionId: string, runId: string, changes: ItemChange[], detectedAt: Date): Publication[] {
  return changes.map((change) => {
    const payload: ItemEventPayload = {
      event: `item.${change.kind}`,
      action_id: actionId,
      run_id: runId,
      item_id: change.fid,
      hash: change.nonce,
      item: change.item,
      detected_at: detectedAt.toISOString(),
    };
    return {
      exchange: ITEM_EVENTS_EXCHANGE,
      routingKey: itemEventRoutingKey(actionId, change.kind),
      message: {
        payload,
        headers: { [ACTION_ID_HEADER]: actionId, [RUN_ID_HEADER]: runId },
        dedupeKey: `item:${runId}:${change.kind}:${change.fid}`,
        sender: `action:${actionId}`,
      },
    };
  });
}
