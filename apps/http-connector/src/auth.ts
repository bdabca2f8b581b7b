import crypto from 'node:crypto';
import type { Auth, HttpCredentials } from './http-deployment';
import type { PlannedRequest } from './request-template';

/** A token from the token endpoint, until its expiry. */
export interface AccessToken {
  token: string;
  expiresAt: number;
}

export interface TokenSource {
  /** A cached token, or a fresh one; `refresh` forces a new one (after a 401). */
  get(refresh: boolean): Promise<AccessToken>;
}

/** Adds the deployment's authentication to a request (a copy). */
export function authenticate(
  request: PlannedRequest,
  auth: Auth,
  credentials: HttpCredentials,
  token: AccessToken | null,
): PlannedRequest {
  const headers = { ...request.headers };
  const url = new URL(request.url);
  switch (auth.kind) {
    case 'none':
      break;
    case 'bearer':
      headers.authorization = `Bearer ${credentials.token ?? ''}`;
      break;
    case 'basic':
      headers.authorization = `Basic ${Buffer.from(`${credentials.username ?? ''}:${credentials.password ?? ''}`).toString('base64')}`;
      break;
    case 'api_key':
      if (auth.in === 'header') headers[auth.name.toLowerCase()] = credentials.api_key ?? '';
      else url.searchParams.set(auth.name, credentials.api_key ?? '');
      break;
    case 'oauth2_client_credentials':
      if (!token) throw new Error('an OAuth2 deployment needs a token before its call');
      headers.authorization = `Bearer ${token.token}`;
      break;
  }
  return { ...request, url, headers };
}

/**
 * The cache key of a deployment's token: the endpoint, the client and a hash of the
 * secret, so a changed secret or endpoint never reuses an old token.
 */
export function tokenCacheKey(deploymentId: string, auth: Extract<Auth, { kind: 'oauth2_client_credentials' }>, credentials: HttpCredentials): string {
  const secretHash = crypto.createHash('sha256').update(credentials.client_secret ?? '').digest('base64url');
  return JSON.stringify([deploymentId, auth.token_url, auth.scope ?? null, credentials.client_id ?? '', secretHash]);
}

/** A token is reused until this long before it expires, so it does not lapse in flight. */
export const TOKEN_EXPIRY_MARGIN_MS = 5_000;

export function tokenIsFresh(token: AccessToken | undefined, nowMs: number): token is AccessToken {
  return token !== undefined && token.expiresAt - TOKEN_EXPIRY_MARGIN_MS > nowMs;
}
