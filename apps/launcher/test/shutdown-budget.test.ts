import { shutdownBudget } from '../src/shutdown-budget';

describe('shutdownBudget', () => {
  it.each([
    [30_000, { daemonGraceMs: 24_000, killAfterMs: 25_000, runnerDrainMs: 16_000 }],
    [10_000, { daemonGraceMs: 6_500, killAfterMs: 7_500, runnerDrainMs: 4_333 }],
    [4_000, { daemonGraceMs: 1_000, killAfterMs: 2_000, runnerDrainMs: 666 }],
    [0, { daemonGraceMs: 500, killAfterMs: 1_500, runnerDrainMs: 333 }],
  ])('splits %i ms', (grace, expected) => {
    const budget = shutdownBudget(grace);
    expect(budget).toEqual(expected);
    // a daemon that overruns exits by itself (its grace + 1 s) no later than the launcher would kill it
    expect(budget.daemonGraceMs + 1_000).toBeLessThanOrEqual(budget.killAfterMs);
    expect(budget.runnerDrainMs).toBeLessThan(budget.daemonGraceMs);
  });
});
