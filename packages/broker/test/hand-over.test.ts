import { decideHandOver, type HandOverState } from '../src';

const now = 1_000_000;
const live = new Date(now + 10_000);
const gone = new Date(now - 1);
const state = (overrides: Partial<HandOverState> = {}): HandOverState => ({
  running: 0,
  concurrency: 4,
  isolatedRunning: false,
  recording: false,
  now,
  ...overrides,
});

describe('who gets the next handler slot', () => {
  it.each([
    ['nothing buffered', undefined, state(), 'empty'],
    ['a fresh delivery and a free slot', { recovered: false, leaseExpiresAt: live }, state({ running: 3 }), 'start'],
    ['a fresh delivery and no free slot', { recovered: false, leaseExpiresAt: live }, state({ running: 4 }), 'wait'],
    ['a delivery whose lease lapsed in the buffer', { recovered: false, leaseExpiresAt: gone }, state(), 'drop'],
    ['a recovered delivery on an idle consumer', { recovered: true, leaseExpiresAt: live }, state(), 'record_first'],
    ['a recovered delivery while others run', { recovered: true, leaseExpiresAt: live }, state({ running: 1 }), 'wait'],
    ['anything while a recovered delivery runs alone', { recovered: false, leaseExpiresAt: live }, state({ running: 1, isolatedRunning: true }), 'wait'],
    ['anything while a hand-over is being recorded', { recovered: false, leaseExpiresAt: live }, state({ recording: true }), 'wait'],
    ['a recovered delivery whose lease lapsed', { recovered: true, leaseExpiresAt: gone }, state(), 'drop'],
  ] as const)('%s', (_name, head, current, expected) => {
    expect(decideHandOver(head, current)).toBe(expected);
  });
});
