/**
 * Who gets the next handler slot, decided from the head of the prefetch buffer and the
 * consumer's state (pure, so the rules are tested apart from the loop):
 * - drop: the head's lease lapsed while it waited (it may be with another consumer now;
 *   handling it would only produce a duplicate and a refused settle);
 * - start: hand it to a handler now (its attempt was counted at claim and is given
 *   back if the consumer dies before it settles);
 * - record_first: a recovered delivery (its last consumer died or stalled holding it)
 *   with the consumer otherwise idle: record the hand-over (which keeps its attempt
 *   counted even if it kills this consumer too), then start it, alone;
 * - wait: no slot, a recovered delivery waits for the running handlers to finish, or a
 *   recovered one runs and nothing may run beside it.
 */
export type HandOverDecision = 'drop' | 'start' | 'record_first' | 'wait' | 'empty';

export interface HandOverState {
  /** Handlers running now. */
  running: number;
  concurrency: number;
  /** A recovered delivery's handler is running (it runs alone). */
  isolatedRunning: boolean;
  /** A recovered delivery's hand-over is being recorded. */
  recording: boolean;
  now: number;
}

export function decideHandOver(head: { recovered: boolean; leaseExpiresAt: Date } | undefined, state: HandOverState): HandOverDecision {
  if (!head) return 'empty';
  if (state.isolatedRunning || state.recording) return 'wait';
  if (head.leaseExpiresAt.getTime() <= state.now) return 'drop';
  if (head.recovered) return state.running === 0 ? 'record_first' : 'wait';
  return state.running < state.concurrency ? 'start' : 'wait';
}
