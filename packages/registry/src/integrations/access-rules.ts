import type postgres from 'postgres';
import { type SqlExecutor } from '@interflow/core';
import { principalCoversDeployment, roleAtLeast, ROLES, type Principal, type Role } from '../access/principal';

export const DEPLOYMENT_OPERATIONS = ['read', 'run', 'change'] as const;
export type DeploymentOperation = (typeof DEPLOYMENT_OPERATIONS)[number];

/**
 * Who may do one operation on a deployment, beyond the role every route already asks
 * for (viewer reads, operator runs and changes): a principal passes when its role is at
 * least `min_role`, or its token is listed in `token_ids`. Admins always pass, so a rule
 * cannot lock the installation out of its own deployment.
 */
export interface AccessRule {
  min_role?: Role;
  token_ids?: string[];
}

/** A missing operation means no extra restriction. */
export type AccessRules = Partial<Record<DeploymentOperation, AccessRule>>;

/** Whether the principal may do `operation` on a deployment with these rules (scopes included). */
export function deploymentAllows(
  principal: Principal,
  deployment: { id: string; accessRules: AccessRules },
  operation: DeploymentOperation,
): boolean {
  if (!principalCoversDeployment(principal, deployment.id)) return false;
  if (principal.role === 'admin') return true;
  const rule = deployment.accessRules[operation];
  if (!rule) return true;
  if (rule.min_role && roleAtLeast(principal.role, rule.min_role)) return true;
  return rule.token_ids?.includes(principal.tokenId) ?? false;
}

/**
 * The same test as `deploymentAllows`, as an SQL condition on a deployments row aliased
 * `alias`, so lists filter in the database and page correctly.
 */
export function deploymentVisibleSql(
  sql: SqlExecutor,
  principal: Principal,
  alias: string,
): postgres.PendingQuery<postgres.Row[]> {
  const id = sql(`${alias}.id`);
  const rules = sql(`${alias}.access_rules`);
  const scopes = principal.deploymentScopes;
  const rank = ROLES.indexOf(principal.role) + 1;
  return sql`(
    (${scopes === null} or ${id} = any(${scopes ?? []}::uuid[]))
    and (
      ${principal.role === 'admin'}
      or ${rules} -> 'read' is null
      or array_position(array['viewer', 'operator', 'admin'], ${rules} -> 'read' ->> 'min_role') <= ${rank}
      or coalesce(${rules} -> 'read' -> 'token_ids', '[]'::jsonb) ? ${principal.tokenId}
    )
  )`;
}
