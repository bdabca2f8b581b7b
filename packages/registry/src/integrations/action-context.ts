import { type SqlExecutor, NotFoundError, PermanentError } from '@interflow/core';
import { presentAction, type Action, type ActionRow } from './actions';
import type { SecretKeyring } from './crypto/secret-keyring';
import { openCredentials, type Credentials, type RateLimit } from './deployments';
import { openSigningSecret, type ServiceMethod } from './services';

/**
 * Everything the runner needs to call a connector for one action, secrets decrypted.
 * Hold it only for the duration of the call and never log it (it carries credentials
 * and the signing secret in clear).
 */
export interface ActionContext {
  action: Action;
  deployment: {
    id: string;
    name: string;
    connection: Record<string, unknown>;
    credentials: Credentials;
    rateLimit: RateLimit | null;
    maxConcurrency: number | null;
  };
  service: {
    id: string;
    name: string;
    baseUrl: string;
    /** HMAC-SHA256 key for `x-interflow-signature`. */
    signingSecret: string;
  };
  method: ServiceMethod;
  /**
   * Which versions of the action, deployment and service rows this was read from (their
   * `xmin`s: any committed change to a row gives it a new one). Equal stamps, same
   * context: a runner may keep what it decrypted while `runWithContextStamp` answers the same.
   */
  stamp: string;
}

/** The context stamp of actions `a`, deployments `d` and services `s` in the query it is part of. */
export function contextStampSql(sql: SqlExecutor) {
  return sql`a.xmin::text || '.' || d.xmin::text || '.' || s.xmin::text`;
}

interface ContextRow extends ActionRow {
  d_name: string;
  d_connection: Record<string, unknown>;
  d_credentials_key_id: string;
  d_credentials_sealed: Buffer;
  d_rate_limit: RateLimit | null;
  d_max_concurrency: number | null;
  s_id: string;
  s_name: string;
  s_base_url: string;
  s_methods: ServiceMethod[];
  s_signing_key_id: string;
  s_signing_secret: Buffer;
  context_stamp: string;
}

/**
 * Loads an action with its deployment and service in one query and opens their
 * secrets. A missing action is a NotFoundError; a method the service no longer offers
 * is a PermanentError (retrying cannot help).
 */
export async function loadActionContext(sql: SqlExecutor, keyring: SecretKeyring, actionId: string): Promise<ActionContext> {
  const [row] = await sql<ContextRow[]>`
    select a.*,
           d.name as d_name, d.connection as d_connection, d.credentials_key_id as d_credentials_key_id,
           d.credentials_sealed as d_credentials_sealed, d.rate_limit as d_rate_limit, d.max_concurrency as d_max_concurrency,
           s.id as s_id, s.name as s_name, s.base_url as s_base_url, s.methods as s_methods,
           s.signing_key_id as s_signing_key_id, s.signing_secret as s_signing_secret,
           ${contextStampSql(sql)} as context_stamp
    from actions a
    join deployments d on d.id = a.deployment_id
    join services s on s.id = d.service_id
    where a.id = ${actionId}`;
  if (!row) throw new NotFoundError('action', actionId);
  const method = row.s_methods.find((m) => m.name === row.method);
  if (!method) throw new PermanentError(`service '${row.s_name}' no longer offers method '${row.method}'`, { actionId });
  return {
    action: presentAction(row),
    deployment: {
      id: row.deployment_id,
      name: row.d_name,
      connection: row.d_connection,
      credentials: openCredentials(keyring, {
        id: row.deployment_id,
        credentials_key_id: row.d_credentials_key_id,
        credentials_sealed: row.d_credentials_sealed,
      }),
      rateLimit: row.d_rate_limit,
      maxConcurrency: row.d_max_concurrency,
    },
    service: {
      id: row.s_id,
      name: row.s_name,
      baseUrl: row.s_base_url,
      signingSecret: openSigningSecret(keyring, { id: row.s_id, signing_key_id: row.s_signing_key_id, signing_secret: row.s_signing_secret }),
    },
    method,
    stamp: row.context_stamp,
  };
}
