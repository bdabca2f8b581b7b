/** Fills the response cache the api answers sync triggers from (contract 3); the registry owns the table. */
export interface ResponseCache {
  store(entry: { actionId: string; runId: string; input: Record<string, unknown>; response: unknown; ttlMs: number }): Promise<void>;
}
