import { type Clock, type Sql } from '@interflow/core';
import { hashRunInput, storeCachedResponse } from '@interflow/registry';
import type { ResponseCache } from '../response-cache';

/**
 * Fills core's response cache. Keyed by the run's full input (defaults merged), hashed
 * with core's `hashRunInput`, the same key the api looks up.
 */
export class RegistryResponseCache implements ResponseCache {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
  ) {}

  async store(entry: { actionId: string; runId: string; input: Record<string, unknown>; response: unknown; ttlMs: number }) {
    await storeCachedResponse(this.sql, {
      actionId: entry.actionId,
      inputHash: hashRunInput(entry.input),
      response: entry.response,
      runId: entry.runId,
      ttlMs: entry.ttlMs,
      now: this.clock.now(),
    });
  }
}
