import crypto from 'node:crypto';
import {
  type Sql,
  type SqlExecutor,
  jsonParam,
  keysetPage,
  type KeysetPage,
  type KeysetRequest,
  ConflictError,
  NotFoundError,
  ValidationError,
} from '@interflow/core';
import { openSecret, sealSecret } from './crypto/secret-box';
import type { SecretKeyring } from './crypto/secret-keyring';
import { schemaProblem, type JsonSchema } from './json-schema';
import { assertIfMatch, contentEtag } from './etag';
import { uniqueViolation } from './unique-violation';

export const HTTP_VERBS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpVerb = (typeof HTTP_VERBS)[number];

/**
 * One operation a connector offers: called as `<verb> <base_url><path>` with the input
 * as JSON. Stored as a jsonb document in the api's (snake_case) shape, like every
 * document column of the registry (access rules, retry policy, rate limit).
 */
export interface ServiceMethod {
  name: string;
  http_method: HttpVerb;
  path: string;
  description: string | null;
  input_schema: JsonSchema | null;
}

export interface Service {
  id: string;
  name: string;
  description: string | null;
  baseUrl: string;
  methods: ServiceMethod[];
  /** Which key sealed the signing secret (the secret itself never leaves core in a Service). */
  signingKeyId: string;
  /** Content hash of what a client can change (sent as ETag; `If-Match` on a change). */
  etag: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface ServiceFields {
  name: string;
  description?: string | null;
  baseUrl: string;
  methods: ServiceMethod[];
}

export interface ServiceRow {
  seq: string;
  id: string;
  name: string;
  description: string | null;
  base_url: string;
  methods: ServiceMethod[];
  signing_key_id: string;
  signing_secret: Buffer;
  created_at: Date;
  updated_at: Date;
}

/** The additional data bound to a service's sealed signing secret. */
export function signingSecretContext(serviceId: string): string {
  return `service:${serviceId}:signing_secret`;
}

/** The ETag of a service: its name, description, base URL and methods (not the secret). */
export function serviceEtag(row: ServiceRow): string {
  return contentEtag([row.name, row.description, row.base_url, row.methods]);
}

function present(row: ServiceRow): Service {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    baseUrl: row.base_url,
    methods: row.methods,
    signingKeyId: row.signing_key_id,
    etag: serviceEtag(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A fresh signing secret: 32 random bytes, base64url. */
export function generateSigningSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Method names must be unique and every input schema must compile. */
function assertValidMethods(methods: ServiceMethod[]): void {
  const problems: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  methods.forEach((method, index) => {
    if (seen.has(method.name)) problems.push({ field: `methods.${index}.name`, message: `method '${method.name}' is listed twice` });
    seen.add(method.name);
    if (method.input_schema !== null) {
      const problem = schemaProblem(method.input_schema);
      if (problem) problems.push({ field: `methods.${index}.input_schema`, message: `not a valid JSON Schema: ${problem}` });
    }
  });
  if (problems.length > 0) throw new ValidationError(`invalid methods: ${problems.map((p) => p.field).join(', ')}`, problems);
}

/**
 * Registers a service. Its signing secret (HMAC key for request signatures) is the given
 * one, or generated; it is sealed at rest and returned here only.
 */
export async function registerService(
  sql: Sql,
  keyring: SecretKeyring,
  fields: ServiceFields,
  signingSecret: string = generateSigningSecret(),
): Promise<{ service: Service; signingSecret: string }> {
  assertValidMethods(fields.methods);
  const id = crypto.randomUUID();
  const sealed = sealSecret(keyring, signingSecret, signingSecretContext(id));
  try {
    const [row] = await sql<ServiceRow[]>`
      insert into services (id, name, description, base_url, methods, signing_key_id, signing_secret)
      values (${id}, ${fields.name}, ${fields.description ?? null}, ${fields.baseUrl}, ${jsonParam(sql, fields.methods)},
              ${sealed.keyId}, ${sealed.sealed})
      returning *`;
    if (!row) throw new Error('insert into services returned no row');
    return { service: present(row), signingSecret };
  } catch (error) {
    throw uniqueViolation(error, 'services_name_key', () => new ConflictError(`a service named '${fields.name}' exists`, { field: 'name' }));
  }
}

export async function getService(sql: SqlExecutor, id: string): Promise<Service> {
  const [row] = await sql<ServiceRow[]>`select * from services where id = ${id}`;
  if (!row) throw new NotFoundError('service', id);
  return present(row);
}

export async function listServices(sql: Sql, request: KeysetRequest): Promise<KeysetPage<Service>> {
  const rows = await sql<ServiceRow[]>`
    select * from services where seq > ${request.after ?? '0'} order by seq limit ${request.limit + 1}`;
  return keysetPage(rows, request.limit, present);
}

/**
 * Changes a service. Removing a method that actions still call is refused (409 naming
 * them): those actions would fail on their next run.
 */
export async function updateService(sql: Sql, id: string, patch: Partial<ServiceFields>, ifMatch?: string): Promise<Service> {
  if (patch.methods) assertValidMethods(patch.methods);
  return sql.begin(async (tx) => {
    const [current] = await tx<ServiceRow[]>`select * from services where id = ${id} for update`;
    if (!current) throw new NotFoundError('service', id);
    assertIfMatch(ifMatch, serviceEtag(current));
    if (patch.methods) {
      const kept = patch.methods.map((m) => m.name);
      const orphaned = await tx<{ id: string; name: string; method: string }[]>`
        select a.id, a.name, a.method from actions a join deployments d on d.id = a.deployment_id
        where d.service_id = ${id} and not (a.method = any(${kept}::text[]))`;
      if (orphaned.length > 0) {
        throw new ConflictError(
          `methods still used by actions cannot be removed: ${orphaned.map((a) => `${a.name} (${a.method})`).join(', ')}`,
          { actions: orphaned },
        );
      }
    }
    try {
      const [row] = await tx<ServiceRow[]>`
        update services set
          name = ${patch.name ?? current.name},
          description = ${patch.description === undefined ? current.description : patch.description},
          base_url = ${patch.baseUrl ?? current.base_url},
          methods = ${jsonParam(tx, patch.methods ?? current.methods)},
          updated_at = now()
        where id = ${id}
        returning *`;
      if (!row) throw new NotFoundError('service', id);
      return present(row);
    } catch (error) {
      throw uniqueViolation(error, 'services_name_key', () => new ConflictError(`a service named '${patch.name}' exists`, { field: 'name' }));
    }
  });
}

/** Deletes a service no deployment uses; otherwise 409 naming the deployments. */
export async function deleteService(sql: Sql, id: string, ifMatch?: string): Promise<void> {
  await sql.begin(async (tx) => {
    const [row] = await tx<ServiceRow[]>`select * from services where id = ${id} for update`;
    if (!row) throw new NotFoundError('service', id);
    assertIfMatch(ifMatch, serviceEtag(row));
    const users = await tx<{ id: string; name: string }[]>`select id, name from deployments where service_id = ${id} order by name`;
    if (users.length > 0) {
      throw new ConflictError(`the service is used by deployments: ${users.map((d) => d.name).join(', ')}`, { deployments: users });
    }
    await tx`delete from services where id = ${id}`;
  });
}

/** Replaces the signing secret (given, or generated) and returns it: shown once. */
export async function rotateServiceSigningSecret(
  sql: Sql,
  keyring: SecretKeyring,
  id: string,
  signingSecret: string = generateSigningSecret(),
): Promise<string> {
  const sealed = sealSecret(keyring, signingSecret, signingSecretContext(id));
  const rows = await sql`
    update services set signing_key_id = ${sealed.keyId}, signing_secret = ${sealed.sealed}, updated_at = now()
    where id = ${id} returning id`;
  if (rows.length === 0) throw new NotFoundError('service', id);
  return signingSecret;
}

/** The clear signing secret of a service row (the runner signs requests with it). */
export function openSigningSecret(keyring: SecretKeyring, row: Pick<ServiceRow, 'id' | 'signing_key_id' | 'signing_secret'>): string {
  return openSecret<string>(keyring, { keyId: row.signing_key_id, sealed: row.signing_secret }, signingSecretContext(row.id));
}

/**
 * The clear signing secret of the service with this name, or null when there is none.
 * Throws when the configured keys cannot open it. `npm start` reuses the example's secret.
 */
export async function findSigningSecretByName(sql: Sql, keyring: SecretKeyring, name: string): Promise<string | null> {
  const [row] = await sql<Pick<ServiceRow, 'id' | 'signing_key_id' | 'signing_secret'>[]>`
    select id, signing_key_id, signing_secret from services where name = ${name}`;
  return row ? openSigningSecret(keyring, row) : null;
}
