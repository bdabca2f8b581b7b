/**
 * What the consume loop does next, decided from its state alone (pure, so the rules are
 * tested as a table apart from the database):
 * - finished: stopped, and no ack, handler or statement is left;
 * - wait: sleep until a ring (a wake-up, a handler done, a statement back) or the
 *   timeout, for a reason:
 *   - after_failure: a statement failed (database restarting); nothing is sent before `retryAt`;
 *   - statement_in_flight: as many statements are out as allowed (two while the queue
 *     has a backlog, one otherwise);
 *   - idle: nothing to claim (queue looks empty, no room, buffer above low water) and no acks;
 *   - holding_acks: acks wait a moment for a claim to ride with;
 * - pace: the last claim came back short a moment ago; wait out `MIN_MS_BETWEEN_SHORT_CLAIMS`
 *   (a timer, not the doorbell: a ring would not make the claim worth more);
 * - send: one statement with every ack waiting, the hand-over if one waits, and a claim
 *   for `claimMax` deliveries (null: no claim).
 * The consumer's `forCapacity` tells a finishing handler whether its ring is awaited.
 */
export type NextStatement =
  | { kind: 'finished' }
  | { kind: 'wait'; reason: WaitReason; timeoutMs: number; forCapacity: boolean }
  | { kind: 'pace'; delayMs: number }
  | { kind: 'send'; claimMax: number | null; handOver: boolean };

export type WaitReason = 'after_failure' | 'statement_in_flight' | 'idle' | 'holding_acks';

export interface ConsumeLoopState {
  running: boolean;
  /** Monotonic time now. */
  now: number;
  /** After a failed statement, nothing is sent before this (monotonic). */
  retryAt: number;
  statementsInFlight: number;
  /** The last claim came back full: a second statement in flight is worth it. */
  backlogSeen: boolean;
  /** Deliveries the consumer may still claim (room for handlers and prefetch, minus claims in flight). */
  capacity: number;
  buffered: number;
  /** The last claim came back short and no wake-up came since. */
  queueLooksEmpty: boolean;
  /** A recovered delivery waits for its hand-over to be recorded (none in flight). */
  handOverWaiting: boolean;
  pendingAcks: number;
  /** When the oldest pending ack was queued (monotonic). */
  oldestAckAt: number;
  /** When the last short claim came back (monotonic). */
  lastShortClaimAt: number;
  handlersRunning: number;
}

export interface ConsumeLoopLimits {
  concurrency: number;
  prefetch: number;
  pollIntervalMs: number;
}

/**
 * After a claim that emptied the queue, the next claim waits until this long after it.
 * Messages trickling in (many publishers, one commit each) are then claimed a few at a
 * time instead of one statement per commit; a consumer woken less often than this (low
 * rates, where latency matters) never waits.
 */
export const MIN_MS_BETWEEN_SHORT_CLAIMS = 1;
/**
 * Acks wait up to this long for the next claim to ride with, instead of a statement of
 * their own (unless this many are waiting, or the consumer stops). An ack held a moment
 * longer only keeps a message leased a moment longer.
 */
export const ACK_HOLD_MS = 20;
export const MAX_HELD_ACKS = 256;

export function decideNextStatement(state: ConsumeLoopState, limits: ConsumeLoopLimits): NextStatement {
  if (!state.running && state.pendingAcks === 0 && state.handlersRunning === 0 && state.statementsInFlight === 0) return { kind: 'finished' };
  if (state.now < state.retryAt) return { kind: 'wait', reason: 'after_failure', timeoutMs: state.retryAt - state.now, forCapacity: false };
  const maxInFlight = state.backlogSeen ? 2 : 1;
  if (state.statementsInFlight >= maxInFlight) return { kind: 'wait', reason: 'statement_in_flight', timeoutMs: limits.pollIntervalMs, forCapacity: true };

  const lowWater = Math.floor(limits.prefetch / 2);
  const total = limits.concurrency + limits.prefetch;
  // A second statement in flight only for a claim worth a round trip of its own.
  const worthClaiming = state.statementsInFlight === 0 ? state.capacity > 0 : state.capacity >= Math.max(1, Math.floor(total / 4));
  const wantsMessages = state.running && worthClaiming && state.buffered <= lowWater && !state.queueLooksEmpty;
  const handOver = state.handOverWaiting && state.running;
  if (!wantsMessages && !handOver) {
    const forCapacity = !state.running || state.capacity <= 0 || state.buffered > lowWater;
    if (state.pendingAcks === 0) return { kind: 'wait', reason: 'idle', timeoutMs: limits.pollIntervalMs, forCapacity };
    const heldFor = state.now - state.oldestAckAt;
    const mayHold = state.running && state.pendingAcks < MAX_HELD_ACKS && heldFor < ACK_HOLD_MS;
    if (mayHold || state.statementsInFlight > 0) {
      return { kind: 'wait', reason: 'holding_acks', timeoutMs: Math.max(1, ACK_HOLD_MS - heldFor), forCapacity };
    }
    return { kind: 'send', claimMax: null, handOver: false };
  }
  const sinceShortClaim = state.now - state.lastShortClaimAt;
  if (!handOver && sinceShortClaim < MIN_MS_BETWEEN_SHORT_CLAIMS) return { kind: 'pace', delayMs: MIN_MS_BETWEEN_SHORT_CLAIMS - sinceShortClaim };
  return { kind: 'send', claimMax: wantsMessages ? state.capacity : null, handOver };
}
