import { deploymentAllows, type AccessRules, type Principal } from '../src';

const principal = (role: Principal['role'], overrides: Partial<Principal> = {}): Principal => ({
  tokenId: `t-${role}`,
  name: role,
  role,
  deploymentScopes: null,
  ...overrides,
});

const deployment = (accessRules: AccessRules) => ({ id: 'd1', accessRules });

describe('deploymentAllows', () => {
  it('allows everything the route role allows when no rule is set', () => {
    expect(deploymentAllows(principal('viewer'), deployment({}), 'read')).toBe(true);
    expect(deploymentAllows(principal('operator'), deployment({}), 'run')).toBe(true);
  });

  it('lets through a role at least min_role, or a listed token', () => {
    const rules: AccessRules = { run: { min_role: 'admin', token_ids: ['t-listed'] } };
    expect(deploymentAllows(principal('operator'), deployment(rules), 'run')).toBe(false);
    expect(deploymentAllows(principal('operator', { tokenId: 't-listed' }), deployment(rules), 'run')).toBe(true);
    expect(deploymentAllows(principal('operator'), deployment(rules), 'read')).toBe(true);
  });

  it('always lets an admin through, but never outside its scopes', () => {
    const rules: AccessRules = { change: { token_ids: [] } };
    expect(deploymentAllows(principal('admin'), deployment(rules), 'change')).toBe(true);
    expect(deploymentAllows(principal('admin', { deploymentScopes: ['d2'] }), deployment({}), 'read')).toBe(false);
    expect(deploymentAllows(principal('viewer', { deploymentScopes: ['d1'] }), deployment({}), 'read')).toBe(true);
  });
});
