import { type Sql } from '@interflow/core';
import { listSubscriptionTargets } from '@interflow/registry';
import type { ActionSubscriptionTarget, SubscriptionSource } from './subscription-source';

/** Subscriptions as stored by the api (`/v1/actions/{id}/subscriptions`). */
export class SubscriptionTable implements SubscriptionSource {
  constructor(private readonly sql: Sql) {}

  list(): Promise<ActionSubscriptionTarget[]> {
    return listSubscriptionTargets(this.sql);
  }
}
