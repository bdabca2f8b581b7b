/**
 * What group commit does next with the items waiting, decided from counts alone (pure,
 * so the rules are tested as a table apart from the timers and the database):
 * - idle: nothing waits;
 * - full: as many batches are in flight as allowed; the next leaves when one returns;
 * - gather: items wait but the event-loop turn in which they arrived has not ended;
 *   the batch leaves at its end (`setImmediate`), so everything submitted in the same
 *   turn goes together. That turn includes the callers the previous batch just
 *   answered: a publisher that publishes again as soon as its publish resolves rides
 *   with the others instead of forming a cohort of its own in the batch after (with 8
 *   such publishers that halved the statements per message, docs/benchmarks.md);
 * - send: a batch of `count` items leaves now.
 * A lone item waits one turn at most: microseconds on an idle process.
 */
export type GroupCommitStep = { kind: 'idle' } | { kind: 'full' } | { kind: 'gather' } | { kind: 'send'; count: number };

export interface GroupCommitState {
  waiting: number;
  inFlight: number;
  /** The event-loop turn in which the waiting items arrived has ended. */
  turnEnded: boolean;
}

export interface GroupCommitLimits {
  /** Batches running at once (each on its own connection). */
  maxInFlight: number;
  /** Items per batch at most. */
  maxBatch: number;
}

export function nextGroupCommitStep(state: GroupCommitState, limits: GroupCommitLimits): GroupCommitStep {
  if (state.waiting === 0) return { kind: 'idle' };
  if (state.inFlight >= limits.maxInFlight) return { kind: 'full' };
  // A full batch gains nothing by waiting for the turn to end.
  if (!state.turnEnded && state.waiting < limits.maxBatch) return { kind: 'gather' };
  return { kind: 'send', count: Math.min(state.waiting, limits.maxBatch) };
}
