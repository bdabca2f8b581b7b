import {
  type Clock,
  type Sql,
  type SqlExecutor,
  keysetPage,
  type KeysetPage,
  type KeysetRequest,
  ConflictError,
  NotFoundError,
} from '@interflow/core';
import type { Principal, Role } from '@interflow/registry';
import { generateTokenSecret, hashTokenSecret, lookupPrefixOf, tokenMatchesHash } from './token-secret';

/** A token as operators see it: never its secret, only the prefix that identifies it. */
export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  deploymentScopes: string[] | null;
  /** The recipient whose inbox this token reads (and nothing else); null for ordinary tokens. */
  recipientId: string | null;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export interface NewApiToken {
  name: string;
  role: Role;
  deploymentScopes?: string[] | null;
  recipientId?: string | null;
  expiresAt?: Date | null;
  /** Use this secret instead of generating one (the bootstrap token from the environment). */
  secret?: string;
}

interface ApiTokenRow {
  seq: string;
  id: string;
  name: string;
  role: Role;
  deployment_scopes: string[] | null;
  recipient_id: string | null;
  lookup_prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}

/** last_used_at is refreshed at most this often, so authenticating is not a write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

function present(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    deploymentScopes: row.deployment_scopes,
    recipientId: row.recipient_id,
    prefix: row.lookup_prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

/** Stores a new token (hashed) and returns its secret: the only time it is ever available. */
export async function createApiToken(sql: SqlExecutor, input: NewApiToken): Promise<{ token: ApiToken; secret: string }> {
  const secret = input.secret ?? generateTokenSecret();
  const scopes = input.deploymentScopes ?? null;
  const [row] = await sql<ApiTokenRow[]>`
    insert into api_tokens (name, role, deployment_scopes, recipient_id, lookup_prefix, token_hash, expires_at)
    values (${input.name}, ${input.role}, ${scopes === null ? null : sql.array(scopes, 2950)}, ${input.recipientId ?? null},
            ${lookupPrefixOf(secret)}, ${hashTokenSecret(secret)}, ${input.expiresAt ?? null})
    returning *`;
  if (!row) throw new Error('insert into api_tokens returned no row');
  return { token: present(row), secret };
}

export async function getApiToken(sql: Sql, id: string): Promise<ApiToken> {
  const [row] = await sql<ApiTokenRow[]>`select * from api_tokens where id = ${id}`;
  if (!row) throw new NotFoundError('token', id);
  return present(row);
}

export async function listApiTokens(
  sql: Sql,
  request: KeysetRequest & { includeRevoked?: boolean },
): Promise<KeysetPage<ApiToken>> {
  const rows = await sql<ApiTokenRow[]>`
    select * from api_tokens
    where seq > ${request.after ?? '0'}
      and (${request.includeRevoked ?? false} or revoked_at is null)
    order by seq
    limit ${request.limit + 1}`;
  return keysetPage(rows, request.limit, present);
}

/**
 * Revokes a token for good (the row stays, for the record). Refuses to revoke the last
 * active unscoped admin token: that would lock every operator out of token management.
 */
export async function revokeApiToken(sql: Sql, id: string, clock: Clock): Promise<ApiToken> {
  return sql.begin(async (tx) => {
    const [row] = await tx<ApiTokenRow[]>`select * from api_tokens where id = ${id} for update`;
    if (!row) throw new NotFoundError('token', id);
    if (row.revoked_at) return present(row);
    if (row.role === 'admin' && row.deployment_scopes === null && row.recipient_id === null) {
      // Lock every admin row so two concurrent revocations cannot both pass the count.
      const admins = await tx<{ id: string }[]>`
        select id from api_tokens
        where role = 'admin' and deployment_scopes is null and recipient_id is null and revoked_at is null
          and (expires_at is null or expires_at > ${clock.now()})
        for update`;
      if (admins.length <= 1) {
        throw new ConflictError('this is the last active unscoped admin token; create another admin token first', {
          tokenId: id,
        });
      }
    }
    const [revoked] = await tx<ApiTokenRow[]>`
      update api_tokens set revoked_at = ${clock.now()} where id = ${id} returning *`;
    if (!revoked) throw new NotFoundError('token', id);
    return present(revoked);
  });
}

/**
 * The principal a presented bearer token stands for, or null when it is unknown,
 * revoked or expired. Candidates are found by the clear prefix and the hash compared in
 * constant time.
 */
export async function authenticateApiToken(sql: Sql, presented: string, clock: Clock): Promise<Principal | null> {
  const now = clock.now();
  const candidates = await sql<(ApiTokenRow & { token_hash: Buffer })[]>`
    select * from api_tokens
    where lookup_prefix = ${lookupPrefixOf(presented)}
      and revoked_at is null
      and (expires_at is null or expires_at > ${now})`;
  const row = candidates.find((candidate) => tokenMatchesHash(presented, candidate.token_hash));
  if (!row) return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
    await sql`update api_tokens set last_used_at = ${now} where id = ${row.id}`;
  }
  return { tokenId: row.id, name: row.name, role: row.role, deploymentScopes: row.deployment_scopes, recipientId: row.recipient_id };
}
