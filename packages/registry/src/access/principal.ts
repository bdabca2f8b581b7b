/** The roles a token can carry, weakest first. */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is calling: the token's id and role, and the deployments it is limited to
 * (`null`: every deployment). Set on each authenticated api request as `req.principal`.
 */
export interface Principal {
  tokenId: string;
  name: string;
  role: Role;
  deploymentScopes: string[] | null;
  /**
   * The recipient the token is bound to (notifications): such a token reads and confirms
   * that recipient's inbox and reaches nothing else, whatever its role says.
   */
  recipientId?: string | null;
}

/** admin ≥ operator ≥ viewer. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** Whether the principal's scopes include this deployment (unscoped tokens see all). */
export function principalCoversDeployment(principal: Principal, deploymentId: string): boolean {
  return principal.deploymentScopes === null || principal.deploymentScopes.includes(deploymentId);
}
