import crypto from 'node:crypto';
import type { Principal } from '../access/principal';
import {
  type Sql,
  type SqlExecutor,
  jsonParam,
  keysetPage,
  type KeysetPage,
  type KeysetRequest,
  ConflictError,
  NotFoundError,
  PreconditionFailedError,
} from '@interflow/core';
import { deploymentVisibleSql, type AccessRules } from './access-rules';
import { openSecret, sealSecret } from './crypto/secret-box';
import type { SecretKeyring } from './crypto/secret-keyring';
import { uniqueViolation } from './unique-violation';

/** At most `requests` calls to the connector per `interval_ms`, across all runners. */
export interface RateLimit {
  requests: number;
  interval_ms: number;
}

export type Credentials = Record<string, unknown>;

/** A deployment as everything but the runner sees it: credentials only by name. */
export interface Deployment {
  id: string;
  name: string;
  description: string | null;
  serviceId: string;
  /** Non-secret connection settings (host, account, region...), stored in clear. */
  connection: Record<string, unknown>;
  /** Which credentials are set; their values are sealed and never leave core here. */
  credentialNames: string[];
  credentialsKeyId: string;
  rateLimit: RateLimit | null;
  maxConcurrency: number | null;
  accessRules: AccessRules;
  /** Content hash of the stored row: the HTTP ETag. */
  etag: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface DeploymentFields {
  name: string;
  description?: string | null;
  serviceId: string;
  connection?: Record<string, unknown>;
  credentials?: Credentials;
  rateLimit?: RateLimit | null;
  maxConcurrency?: number | null;
  accessRules?: AccessRules;
}

/** A change; `credentials` is merged into the stored ones, a null value removes that credential. */
export type DeploymentPatch = Partial<Omit<DeploymentFields, 'credentials'>> & { credentials?: Record<string, unknown> };

export interface DeploymentRow {
  seq: string;
  id: string;
  name: string;
  description: string | null;
  service_id: string;
  connection: Record<string, unknown>;
  credentials_key_id: string;
  credentials_sealed: Buffer;
  credential_names: string[];
  rate_limit: RateLimit | null;
  max_concurrency: number | null;
  access_rules: AccessRules;
  created_at: Date;
  updated_at: Date;
}

export function credentialsContext(deploymentId: string): string {
  return `deployment:${deploymentId}:credentials`;
}

/**
 * Hash of everything stored about the deployment (the sealed credentials included, so
 * a credential change or a key rotation changes it too; the clear values never enter).
 */
export function deploymentEtag(row: DeploymentRow): string {
  const content = JSON.stringify([
    row.name,
    row.description,
    row.service_id,
    row.connection,
    row.credentials_key_id,
    row.credentials_sealed.toString('base64'),
    row.rate_limit,
    row.max_concurrency,
    row.access_rules,
  ]);
  return `"${crypto.createHash('sha256').update(content).digest('base64url')}"`;
}

function present(row: DeploymentRow): Deployment {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    serviceId: row.service_id,
    connection: row.connection,
    credentialNames: row.credential_names,
    credentialsKeyId: row.credentials_key_id,
    rateLimit: row.rate_limit,
    maxConcurrency: row.max_concurrency,
    accessRules: row.access_rules,
    etag: deploymentEtag(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function nameTaken(name: string | undefined): () => Error {
  return () => new ConflictError(`a deployment named '${name}' exists`, { field: 'name' });
}

/** The decrypted credentials of a row. Only the runner (via loadActionContext) and rotation call this. */
export function openCredentials(keyring: SecretKeyring, row: Pick<DeploymentRow, 'id' | 'credentials_key_id' | 'credentials_sealed'>): Credentials {
  return openSecret<Credentials>(keyring, { keyId: row.credentials_key_id, sealed: row.credentials_sealed }, credentialsContext(row.id));
}

export async function createDeployment(sql: Sql, keyring: SecretKeyring, fields: DeploymentFields): Promise<Deployment> {
  const id = crypto.randomUUID();
  const credentials = fields.credentials ?? {};
  const sealed = sealSecret(keyring, credentials, credentialsContext(id));
  try {
    const [row] = await sql<DeploymentRow[]>`
      insert into deployments (id, name, description, service_id, connection, credentials_key_id, credentials_sealed,
                               credential_names, rate_limit, max_concurrency, access_rules)
      select ${id}, ${fields.name}, ${fields.description ?? null}, s.id, ${jsonParam(sql, fields.connection ?? {})},
             ${sealed.keyId}, ${sealed.sealed}, ${Object.keys(credentials).sort()}::text[],
             ${fields.rateLimit ? jsonParam(sql, fields.rateLimit) : null}, ${fields.maxConcurrency ?? null},
             ${jsonParam(sql, fields.accessRules ?? {})}
      -- share lock: a concurrent deleteService waits, then sees this deployment and refuses
      from services s where s.id = ${fields.serviceId} for share
      returning *`;
    if (!row) throw new NotFoundError('service', fields.serviceId);
    return present(row);
  } catch (error) {
    throw uniqueViolation(error, 'deployments_name_key', nameTaken(fields.name));
  }
}

export async function getDeploymentRow(sql: SqlExecutor, id: string): Promise<DeploymentRow> {
  const [row] = await sql<DeploymentRow[]>`select * from deployments where id = ${id}`;
  if (!row) throw new NotFoundError('deployment', id);
  return row;
}

export async function getDeployment(sql: SqlExecutor, id: string): Promise<Deployment> {
  return present(await getDeploymentRow(sql, id));
}

/** The deployments the principal may read (scopes and read rules applied in SQL). */
export async function listDeployments(
  sql: Sql,
  principal: Principal,
  request: KeysetRequest & { serviceId?: string },
): Promise<KeysetPage<Deployment>> {
  const rows = await sql<DeploymentRow[]>`
    select d.* from deployments d
    where d.seq > ${request.after ?? '0'}
      and (${request.serviceId ?? null}::uuid is null or d.service_id = ${request.serviceId ?? null})
      and ${deploymentVisibleSql(sql, principal, 'd')}
    order by d.seq
    limit ${request.limit + 1}`;
  return keysetPage(rows, request.limit, present);
}

/** Locks the row and refuses when the caller's `If-Match` is stale. */
async function lockForChange(tx: SqlExecutor, id: string, ifMatch: string | undefined): Promise<DeploymentRow> {
  const [row] = await tx<DeploymentRow[]>`select * from deployments where id = ${id} for update`;
  if (!row) throw new NotFoundError('deployment', id);
  if (ifMatch !== undefined && !etagMatches(ifMatch, deploymentEtag(row))) throw new PreconditionFailedError();
  return row;
}

/**
 * `If-Match: *`, or a list of tags one of which is the current one by the strong
 * comparison If-Match requires (RFC 9110 §13.1.1): a weak tag (`W/"…"`) never matches,
 * since it only promises an equivalent copy, not this one.
 */
export function etagMatches(ifMatch: string, current: string): boolean {
  return ifMatch
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || (tag === current && !tag.startsWith('W/')));
}

/**
 * Applies a patch under the row lock; with `ifMatch`, only if nobody changed the row
 * since the caller read it (412 otherwise, and nothing is written).
 */
export async function updateDeployment(
  sql: Sql,
  keyring: SecretKeyring,
  id: string,
  patch: DeploymentPatch,
  ifMatch?: string,
): Promise<Deployment> {
  return sql.begin(async (tx) => {
    const current = await lockForChange(tx, id, ifMatch);
    let sealed = { keyId: current.credentials_key_id, sealed: current.credentials_sealed };
    let names = current.credential_names;
    if (patch.credentials) {
      const merged: Credentials = { ...openCredentials(keyring, current) };
      for (const [name, value] of Object.entries(patch.credentials)) {
        if (value === null) delete merged[name];
        else merged[name] = value;
      }
      sealed = sealSecret(keyring, merged, credentialsContext(id));
      names = Object.keys(merged).sort();
    }
    if (patch.serviceId && patch.serviceId !== current.service_id) {
      const [service] = await tx`select id from services where id = ${patch.serviceId} for share`;
      if (!service) throw new NotFoundError('service', patch.serviceId);
    }
    const rateLimit = patch.rateLimit === undefined ? current.rate_limit : patch.rateLimit;
    try {
      const [row] = await tx<DeploymentRow[]>`
        update deployments set
          name = ${patch.name ?? current.name},
          description = ${patch.description === undefined ? current.description : patch.description},
          service_id = ${patch.serviceId ?? current.service_id},
          connection = ${jsonParam(tx, patch.connection ?? current.connection)},
          credentials_key_id = ${sealed.keyId},
          credentials_sealed = ${sealed.sealed},
          credential_names = ${names}::text[],
          rate_limit = ${rateLimit ? jsonParam(tx, rateLimit) : null},
          max_concurrency = ${patch.maxConcurrency === undefined ? current.max_concurrency : patch.maxConcurrency},
          access_rules = ${jsonParam(tx, patch.accessRules ?? current.access_rules)},
          updated_at = now()
        where id = ${id}
        returning *`;
      if (!row) throw new NotFoundError('deployment', id);
      return present(row);
    } catch (error) {
      throw uniqueViolation(error, 'deployments_name_key', nameTaken(patch.name));
    }
  });
}

/** Deletes a deployment no action uses (409 naming them otherwise), honouring `If-Match`. */
export async function deleteDeployment(sql: Sql, id: string, ifMatch?: string): Promise<void> {
  await sql.begin(async (tx) => {
    await lockForChange(tx, id, ifMatch);
    const users = await tx<{ id: string; name: string }[]>`select id, name from actions where deployment_id = ${id} order by name`;
    if (users.length > 0) {
      throw new ConflictError(`the deployment is used by actions: ${users.map((a) => a.name).join(', ')}`, { actions: users });
    }
    await tx`delete from deployments where id = ${id}`;
  });
}

/** Which of these deployments the principal may read (scopes and access rules). */
export async function readableDeployments(sql: SqlExecutor, principal: Principal, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await sql<{ id: string }[]>`
    select d.id from deployments d where d.id = any(${ids}::uuid[]) and ${deploymentVisibleSql(sql, principal, 'd')}`;
  return new Set(rows.map((row) => row.id));
}
