import { isNonEmptyResult, runOutcomeNotifications, type RunOutcomeFacts, type RunOutcomeRule } from '../src/run-outcome-rules';

const notify = { recipients: ['00000000-0000-4000-8000-000000000001'], groups: [] };
const afterThree: RunOutcomeRule = { on: 'consecutive_failures', count: 3, notify };
const onResult: RunOutcomeRule = { on: 'success_with_result', notify, severity: 'warning' };

function facts(overrides: Partial<RunOutcomeFacts>): RunOutcomeFacts {
  return {
    actionId: 'a1',
    actionName: 'poll-bank-feed',
    runId: 'r9',
    status: 'failed',
    result: null,
    error: 'HTTP 502',
    failureStreak: { count: 3, sinceRunId: 'r6' },
    rules: [afterThree, onResult],
    ...overrides,
  };
}

describe('run outcome rules', () => {
  it('raises at the third consecutive failure, keyed by the success before the streak, so later failures of it raise the same one', () => {
    expect(runOutcomeNotifications(facts({ failureStreak: { count: 2, sinceRunId: 'r6' } }))).toEqual([]);
    const [third] = runOutcomeNotifications(facts({}));
    const [fourth] = runOutcomeNotifications(facts({ runId: 'r10', failureStreak: { count: 4, sinceRunId: 'r6' } }));
    expect(third).toMatchObject({ title: 'poll-bank-feed failed 3 times in a row', severity: 'error', source: 'action:a1' });
    expect(third?.dedupeKey).toBe(fourth?.dedupeKey);
    const [nextStreak] = runOutcomeNotifications(facts({ runId: 'r20', failureStreak: { count: 3, sinceRunId: 'r17' } }));
    expect(nextStreak?.dedupeKey).not.toBe(third?.dedupeKey);
  });

  it('raises on a success with a non-empty result, once per run', () => {
    const succeeded = facts({ status: 'succeeded', failureStreak: null, error: null });
    expect(runOutcomeNotifications({ ...succeeded, result: {} })).toEqual([]);
    expect(runOutcomeNotifications({ ...succeeded, result: [] })).toEqual([]);
    const [raised] = runOutcomeNotifications({ ...succeeded, result: { orders: 2 } });
    expect(raised).toMatchObject({ severity: 'warning', body: '{"orders":2}', dedupeKey: expect.stringContaining(':run:r9') });
  });

  it('tells empty results apart', () => {
    expect([null, undefined, '', [], {}].map(isNonEmptyResult)).toEqual([false, false, false, false, false]);
    expect([0, false, 'x', [1], { a: 1 }].map(isNonEmptyResult)).toEqual([true, true, true, true, true]);
  });
});
