import { DEFAULT_EXCHANGE, type Delivery, type Publication, type TransactionSql, type Broker } from '@interflow/broker';
import { ACTION_ID_HEADER, RUN_ID_HEADER, itemEventPublications, runReplyPayload, runResultPayload, type ItemChange, type RunEnd } from '@interflow/registry';
import type { ActionPlan } from './action-plan';

/**
 * Tells the world a run ended (core's run-reply contract): a reply to the message's reply-to queue
 * (default exchange, correlation id = run id, `{run_id, status, response | error}`), and,
 * for a success, the result on the action's result route, which is how actions chain.
 * Both in one publish; deduplicated by run so saying it again after a crash is harmless.
 * Given a transaction, the publish is part of it: the announcement commits with the
 * run's outcome and the settle of its message.
 */
export class OutcomeAnnouncer {
  constructor(private readonly broker: Pick<Broker, 'publishBatch' | 'publishWithin'>) {}

  async announce(delivery: Delivery, plan: Pick<ActionPlan, 'actionId' | 'resultRoute'>, end: RunEnd, tx?: TransactionSql): Promise<void> {
    const headers = { [ACTION_ID_HEADER]: plan.actionId, [RUN_ID_HEADER]: end.runId };
    const publications: Publication[] = [];
    if (delivery.replyTo) {
      const payload = runReplyPayload(end);
      publications.push({
        exchange: DEFAULT_EXCHANGE,
        routingKey: delivery.replyTo,
        message: { payload, headers, correlationId: end.runId, dedupeKey: `reply:${end.runId}`, sender: `action:${plan.actionId}` },
      });
    }
    if (end.status === 'succeeded' && plan.resultRoute) {
      publications.push({
        exchange: plan.resultRoute.exchange,
        routingKey: plan.resultRoute.routingKey,
        message: {
          payload: runResultPayload(plan.actionId, { ...end, status: end.status }),
          headers,
          correlationId: end.runId,
          dedupeKey: `result:${end.runId}`,
          sender: `action:${plan.actionId}`,
        },
      });
    }
    if (publications.length === 0) return;
    if (tx) await this.broker.publishWithin(tx, publications);
    else await this.broker.publishBatch(publications);
  }

  /**
   * A poller's changes to `interflow.items`, one message each, inside the transaction
   * that recorded them and ends the run: published once, or not at all.
   */
  async announceItemChanges(actionId: string, runId: string, changes: ItemChange[], tx: TransactionSql, detectedAt: Date): Promise<void> {
    if (changes.length === 0) return;
    await this.broker.publishWithin(tx, itemEventPublications(actionId, runId, changes, detectedAt));
  }
}
