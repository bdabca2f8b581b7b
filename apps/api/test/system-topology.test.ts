import { type Principal } from '@interflow/registry';
import { systemTopologyAllows, type TopologyOperation } from '../src/http/system-topology';

const principal = (role: Principal['role'], deploymentScopes: string[] | null = null): Principal => ({
  tokenId: `t-${role}`,
  name: role,
  role,
  deploymentScopes,
});

const ALL: TopologyOperation[] = ['read', 'peek', 'purge', 'redrive', 'publish', 'declare', 'delete', 'bind', 'unbind'];
const admin = principal('admin');

describe('systemTopologyAllows', () => {
  it('leaves user topology to the other checks', () => {
    for (const operation of ALL) expect(systemTopologyAllows(principal('viewer', ['d1']), 'orders', operation)).toBe(true);
  });

  it.each([
    // [queue, operation, allowed to an unscoped admin]
    ['interflow.actions', 'read', true],
    ['interflow.actions', 'peek', true],
    ['interflow.actions', 'purge', false],
    ['interflow.actions', 'redrive', false],
    ['interflow.actions', 'publish', false],
    ['interflow.actions', 'declare', false],
    ['interflow.actions', 'delete', false],
    ['interflow.actions', 'bind', false],
    ['interflow.actions', 'unbind', false],
    ['interflow.actions.dead', 'read', true],
    ['interflow.actions.dead', 'peek', true],
    ['interflow.actions.dead', 'purge', true],
    ['interflow.actions.dead', 'redrive', true],
    ['interflow.actions.dead', 'publish', false],
    ['interflow.actions.dead', 'delete', false],
    ['interflow.subscription.s1.dead', 'redrive', true],
    ['interflow.subscription.s1', 'purge', false],
    ['interflow.replies.api.x', 'publish', false],
    ['Interflow.Actions', 'publish', false],
  ] as [string, TopologyOperation, boolean][])('an unscoped admin: %s %s → %s', (name, operation, allowed) => {
    expect(systemTopologyAllows(admin, name, operation)).toBe(allowed);
  });

  it('gives operators, viewers and every scoped token nothing of system topology', () => {
    const others = [principal('operator'), principal('viewer'), principal('admin', ['d1']), principal('operator', ['d1'])];
    for (const who of others) {
      for (const operation of ALL) {
        expect(systemTopologyAllows(who, 'interflow.actions', operation)).toBe(false);
        expect(systemTopologyAllows(who, 'interflow.actions.dead', operation)).toBe(false);
      }
    }
  });
});
