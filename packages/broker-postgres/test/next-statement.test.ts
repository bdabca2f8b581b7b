import {
  ACK_HOLD_MS,
  MAX_HELD_ACKS,
  decideNextStatement,
  type ConsumeLoopLimits,
  type ConsumeLoopState,
  type NextStatement,
} from '../src/next-statement';

/** concurrency 4 + prefetch 8: 12 held at most, low water 4, a second statement worth 3 or more. */
const limits: ConsumeLoopLimits = { concurrency: 4, prefetch: 8, pollIntervalMs: 1000 };

/** A running consumer with nothing held, nothing pending, nothing in flight. */
const idle: ConsumeLoopState = {
  running: true,
  now: 10_000,
  retryAt: 0,
  statementsInFlight: 0,
  backlogSeen: false,
  capacity: 12,
  buffered: 0,
  queueLooksEmpty: false,
  handOverWaiting: false,
  pendingAcks: 0,
  oldestAckAt: 0,
  lastShortClaimAt: 0,
  handlersRunning: 0,
};

const cases: [string, Partial<ConsumeLoopState>, NextStatement][] = [
  ['a fresh consumer claims all it can hold', {}, { kind: 'send', claimMax: 12, handOver: false }],
  ['with handlers and a buffer below low water it claims the room left', { handlersRunning: 4, buffered: 3, capacity: 5 }, { kind: 'send', claimMax: 5, handOver: false }],
  ['acks waiting ride with the claim', { pendingAcks: 7, oldestAckAt: 9_999 }, { kind: 'send', claimMax: 12, handOver: false }],
  ['stopped with nothing left, it is finished', { running: false }, { kind: 'finished' }],
  ['stopped with handlers running, it waits for them', { running: false, handlersRunning: 2 }, { kind: 'wait', reason: 'idle', timeoutMs: 1000, forCapacity: true }],
  ['stopped with a statement out, it waits for the answer', { running: false, statementsInFlight: 1 }, { kind: 'wait', reason: 'statement_in_flight', timeoutMs: 1000, forCapacity: true }],
  ['stopped with acks, it sends them at once without a claim', { running: false, pendingAcks: 3, oldestAckAt: 9_999 }, { kind: 'send', claimMax: null, handOver: false }],
  ['after a failure it sends nothing before retryAt', { retryAt: 10_400, pendingAcks: 5 }, { kind: 'wait', reason: 'after_failure', timeoutMs: 400, forCapacity: false }],
  ['once retryAt has passed it sends again', { retryAt: 10_000 }, { kind: 'send', claimMax: 12, handOver: false }],
  ['one statement out and no backlog: it waits', { statementsInFlight: 1, capacity: 12 }, { kind: 'wait', reason: 'statement_in_flight', timeoutMs: 1000, forCapacity: true }],
  ['one statement out with a backlog: a second claim worth a round trip', { statementsInFlight: 1, backlogSeen: true, capacity: 3 }, { kind: 'send', claimMax: 3, handOver: false }],
  ['one statement out with a backlog: too small a claim waits', { statementsInFlight: 1, backlogSeen: true, capacity: 2 }, { kind: 'wait', reason: 'idle', timeoutMs: 1000, forCapacity: false }],
  ['two statements out: it waits even with a backlog', { statementsInFlight: 2, backlogSeen: true }, { kind: 'wait', reason: 'statement_in_flight', timeoutMs: 1000, forCapacity: true }],
  ['the queue looks empty: it waits for a wake-up or the poll interval', { queueLooksEmpty: true }, { kind: 'wait', reason: 'idle', timeoutMs: 1000, forCapacity: false }],
  ['the buffer above low water: it waits for handlers to take from it', { buffered: 5, capacity: 3 }, { kind: 'wait', reason: 'idle', timeoutMs: 1000, forCapacity: true }],
  ['no room left: it waits for a slot', { capacity: 0, handlersRunning: 4, buffered: 4 }, { kind: 'wait', reason: 'idle', timeoutMs: 1000, forCapacity: true }],
  ['young acks with nothing to claim are held for a claim to ride with', { queueLooksEmpty: true, pendingAcks: 3, oldestAckAt: 9_995 }, { kind: 'wait', reason: 'holding_acks', timeoutMs: ACK_HOLD_MS - 5, forCapacity: false }],
  ['acks held for ACK_HOLD_MS go alone', { queueLooksEmpty: true, pendingAcks: 3, oldestAckAt: 10_000 - ACK_HOLD_MS }, { kind: 'send', claimMax: null, handOver: false }],
  ['MAX_HELD_ACKS acks go alone at once', { queueLooksEmpty: true, pendingAcks: MAX_HELD_ACKS, oldestAckAt: 9_999 }, { kind: 'send', claimMax: null, handOver: false }],
  ['old acks wait while a statement is out (at least 1 ms)', { statementsInFlight: 1, backlogSeen: true, capacity: 1, pendingAcks: 3, oldestAckAt: 9_000 }, { kind: 'wait', reason: 'holding_acks', timeoutMs: 1, forCapacity: false }],
  ['right after a short claim it paces the next one', { lastShortClaimAt: 9_999.5 }, { kind: 'pace', delayMs: 0.5 }],
  ['a hand-over waiting goes at once, with a claim', { handOverWaiting: true, lastShortClaimAt: 9_999.5 }, { kind: 'send', claimMax: 12, handOver: true }],
  ['a hand-over waiting goes without a claim when the queue looks empty', { handOverWaiting: true, queueLooksEmpty: true }, { kind: 'send', claimMax: null, handOver: true }],
  ['a stopping consumer records no hand-over', { running: false, handOverWaiting: true }, { kind: 'finished' }],
];

describe('decideNextStatement', () => {
  it.each(cases)('%s', (_name, overrides, expected) => {
    expect(decideNextStatement({ ...idle, ...overrides }, limits)).toEqual(expected);
  });

  it('with no prefetch, claims as soon as a handler slot is free', () => {
    const noPrefetch = { concurrency: 2, prefetch: 0, pollIntervalMs: 1000 };
    expect(decideNextStatement({ ...idle, capacity: 1, handlersRunning: 1 }, noPrefetch)).toEqual({ kind: 'send', claimMax: 1, handOver: false });
    expect(decideNextStatement({ ...idle, capacity: 0, handlersRunning: 2 }, noPrefetch)).toEqual({ kind: 'wait', reason: 'idle', timeoutMs: 1000, forCapacity: true });
  });
});
