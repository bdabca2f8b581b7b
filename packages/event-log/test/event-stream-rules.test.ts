import { type Principal } from '@interflow/registry';
import { compareEventPositions, formatEventPosition, parseEventPosition } from '../src/event-position';
import { eventVisibleTo, queueVisibleTo } from '../src/event-visibility';

describe('event positions', () => {
  it.each([
    ['12-34', { tx: 12n, id: 34n }],
    [' 7-1 ', { tx: 7n, id: 1n }],
    ['18446744073709551615-1', { tx: 18446744073709551615n, id: 1n }],
  ])('reads %j', (text, position) => {
    expect(parseEventPosition(text)).toEqual(position);
    expect(parseEventPosition(formatEventPosition(position))).toEqual(position);
  });

  it.each(['', '12', '12-', '-3', 'a-b', '1-2-3', '18446744073709551616-1', '1.5-2'])('refuses %j', (text) => {
    expect(parseEventPosition(text)).toBeNull();
  });

  it('orders by transaction first, then by row', () => {
    const positions = [
      { tx: 5n, id: 1n },
      { tx: 3n, id: 9n },
      { tx: 5n, id: 0n },
      { tx: 3n, id: 10n },
    ];
    expect([...positions].sort(compareEventPositions).map(formatEventPosition)).toEqual(['3-9', '3-10', '5-0', '5-1']);
  });
});

describe('who sees an event', () => {
  const principal = (role: Principal['role'], scopes: string[] | null) => ({ role, deploymentScopes: scopes });
  const readsD1 = (id: string) => id === 'd1';
  it.each([
    // principal, deployment, system, visible
    [principal('admin', null), null, true, true],
    [principal('operator', null), null, true, false],
    [principal('admin', ['d1']), null, true, false],
    [principal('viewer', null), null, false, true],
    [principal('admin', ['d1']), null, false, false],
    [principal('viewer', null), 'd1', false, true],
    [principal('viewer', null), 'd2', false, false],
    [principal('admin', ['d1']), 'd1', false, true],
    [principal('admin', ['d1']), 'd1', true, false],
  ] as const)('%j, deployment %s, system %s → %s', (who, deploymentId, system, visible) => {
    expect(eventVisibleTo(who, { deploymentId, system }, readsD1)).toBe(visible);
  });

  it.each([
    [principal('admin', null), 'interflow.actions', true],
    [principal('operator', null), 'interflow.actions', false],
    [principal('viewer', null), 'orders', true],
    [principal('admin', ['d1']), 'orders', false],
  ] as const)('queue depth: %j, %s → %s', (who, queue, visible) => {
    expect(queueVisibleTo(who, queue)).toBe(visible);
  });
});
