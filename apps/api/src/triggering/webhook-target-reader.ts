import { CoalescingBatcher, type BatchOutcome, type CoalescingBatcherOptions, type Sql } from '@interflow/core';
import { findWebhookTargets, type WebhookTarget } from '@interflow/registry';

/** Reads at the database at once, and secrets a read carries at most. */
const READS: CoalescingBatcherOptions = { maxInFlight: 2, maxBatch: 200 };

/**
 * Finds the action a webhook's secret names, with its method, for the webhooks that
 * arrive together in ONE statement (`findWebhookTargets`): those of one event-loop turn,
 * or of the time two reads were at the database. Each webhook is answered as its own read
 * would: null for an unknown secret, the method's own error when the service no longer
 * offers it.
 */
export class WebhookTargetReader {
  private readonly reads: CoalescingBatcher<string, WebhookTarget | null>;

  constructor(
    private readonly sql: Sql,
    limits: CoalescingBatcherOptions = READS,
  ) {
    this.reads = new CoalescingBatcher((secrets) => this.readGroup(secrets), limits);
  }

  find(secret: string): Promise<WebhookTarget | null> {
    return this.reads.submit(secret);
  }

  private async readGroup(secrets: string[]): Promise<BatchOutcome<WebhookTarget | null>[]> {
    const targets = await findWebhookTargets(this.sql, secrets);
    return targets.map((target): BatchOutcome<WebhookTarget | null> => {
      if (!target) return { value: null };
      try {
        return { value: { action: target.action, method: target.method() } };
      } catch (error) {
        return { error };
      }
    });
  }
}
