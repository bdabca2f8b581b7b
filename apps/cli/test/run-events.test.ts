import { matchesRunFilter, runEventLine, type RunEvent } from '../src/watch/run-events';

const event: RunEvent = {
  kind: 'run.finished',
  event_id: '7-3',
  at: '2026-11-28T20:00:00.000Z',
  run_id: 'run-1',
  action_id: 'action-1',
  deployment_id: 'deployment-1',
  status: 'failed',
  trigger: 'api',
  attempts: 3,
  duration_ms: 120,
};

describe('run event filter', () => {
  it.each([
    [{}, true],
    [{ actionId: 'action-1' }, true],
    [{ actionId: 'action-2' }, false],
    [{ deploymentId: 'deployment-1', statuses: new Set(['failed', 'succeeded']) }, true],
    [{ deploymentId: 'deployment-2' }, false],
    [{ statuses: new Set(['succeeded']) }, false],
  ])('%o lets the event through: %s', (filter, expected) => {
    expect(matchesRunFilter(event, filter)).toBe(expected);
  });

  it('prints one line with the action name, status, attempts and duration', () => {
    expect(runEventLine(event, (id) => (id === 'action-1' ? 'create-order' : id))).toBe(
      '2026-11-28T20:00:00.000Z   run.finished   run-1   create-order   failed      attempts 3   120 ms',
    );
    expect(runEventLine({ ...event, kind: 'run.created', duration_ms: null, from_cache: true }, (id) => id)).toBe(
      '2026-11-28T20:00:00.000Z   run.created    run-1   action-1   failed      attempts 3   (cached)',
    );
  });
});
