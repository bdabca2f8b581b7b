import { decideSettlement, type SettlementPolicy } from '../src/settlement';

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
