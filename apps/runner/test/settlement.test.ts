import { decideBeforeCall, decideSettlement, type SettlementPolicy } from '../src/settlement';

const backoff = { initialDelayMs: 1000, multiplier: 2, maxDelayMs: 5000, jitter: 0 };
const policy = (attempt: number): SettlementPolicy => ({ attempt, maxAttempts: 3, backoff });

describe('deciding what becomes of a delivery', () => {
  it('acks a success', () => {
    expect(decideSettlement({ kind: 'succeeded', status: 200, body: {} }, policy(1))).toEqual({ action: 'ack', attemptOutcome: 'succeeded' });
  });

  it('retries a transient failure with growing delays, then dead-letters at the last attempt', () => {
    const outcome = { kind: 'transient' as const, status: 500, body: null, error: 'the connector answered 500' };
    expect(decideSettlement(outcome, policy(1))).toMatchObject({ action: 'retry', delayMs: 1000, countAttempt: true, attemptOutcome: 'retrying' });
    expect(decideSettlement(outcome, policy(2))).toMatchObject({ action: 'retry', delayMs: 2000 });
    expect(decideSettlement(outcome, policy(3))).toEqual({
      action: 'dead_letter',
      attemptOutcome: 'failed',
      reason: 'the connector answered 500 (attempt 3 of 3)',
    });
  });

  it('comes back later without using an attempt, even at the last one', () => {
    const outcome = { kind: 'come_back_later' as const, status: 429, body: null, retryAfterMs: 2500 };
    expect(decideSettlement(outcome, policy(3))).toMatchObject({ action: 'retry', delayMs: 2500, countAttempt: false, attemptOutcome: 'rate_limited' });
  });

  it('dead-letters a permanent failure at once', () => {
    const outcome = { kind: 'permanent' as const, status: 400, body: null, error: 'the connector answered 400' };
    expect(decideSettlement(outcome, policy(1))).toMatchObject({ action: 'dead_letter', reason: 'the connector answered 400' });
  });
});

describe('deciding before the call', () => {
  it.each([
    ['a fresh run on its first attempt', 'queued', 1, 3, { action: 'call' }],
    ['a retrying run on its last attempt', 'retrying', 3, 3, { action: 'call' }],
    ['a run left running by a dead runner', 'running', 2, 3, { action: 'call' }],
    ['a run that succeeded (duplicate request)', 'succeeded', 1, 3, { action: 'already_ended' }],
    ['a run that failed (redrive)', 'failed', 4, 3, { action: 'already_ended' }],
  ] as const)('%s', (_name, status, attempt, max, expected) => {
    expect(decideBeforeCall(status, attempt, max)).toEqual(expected);
  });

  it('gives up past the action\'s limit: the earlier attempts were lost with their runners', () => {
    expect(decideBeforeCall('running', 3, 2)).toEqual({
      action: 'give_up',
      reason: "attempt 3 is past the action's limit of 2: the earlier attempts ended without an outcome (their runner stopped or lost the lease)",
    });
  });
});
