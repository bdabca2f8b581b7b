import { PermanentError, RateLimitedError, RetryableError } from '@interflow/connector-sdk';
import { readLimited, type OutboundFetch } from '@interflow/outbound';
import { tokenCacheKey, tokenIsFresh, type AccessToken, type TokenSource } from './auth';
import type { Auth, HttpCredentials } from './http-deployment';
import { retryAfterMs } from './retry-after';

type OAuth2Auth = Extract<Auth, { kind: 'oauth2_client_credentials' }>;

const MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;
/** A token endpoint that does not say how long its token lives: assume five minutes. */
const DEFAULT_TOKEN_LIFETIME_S = 300;

/**
 * OAuth2 client-credentials tokens, cached in this process per deployment (and client
 * and secret) until shortly before they expire. Concurrent calls needing a token share
 * one request to the token endpoint. Tokens are never logged nor returned.
 */
export class OAuth2Tokens {
  private readonly cache = new Map<string, AccessToken>();
  private readonly pending = new Map<string, Promise<AccessToken>>();

  constructor(
    private readonly fetch: OutboundFetch,
    private readonly now: () => number = Date.now,
  ) {}

  source(deploymentId: string, auth: OAuth2Auth, credentials: HttpCredentials, timeoutMs: number): TokenSource {
    const key = tokenCacheKey(deploymentId, auth, credentials);
    return {
      get: async (refresh) => {
        const cached = this.cache.get(key);
        if (!refresh && tokenIsFresh(cached, this.now())) return cached;
        if (refresh) this.cache.delete(key);
        let request = this.pending.get(key);
        if (!request) {
          request = this.request(auth, credentials, timeoutMs).finally(() => this.pending.delete(key));
          this.pending.set(key, request);
        }
        const token = await request;
        this.cache.set(key, token);
        return token;
      },
    };
  }

  private async request(auth: OAuth2Auth, credentials: HttpCredentials, timeoutMs: number): Promise<AccessToken> {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (auth.scope) form.set('scope', auth.scope);
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    if (auth.client_auth === 'basic') {
      const pair = `${encodeURIComponent(credentials.client_id ?? '')}:${encodeURIComponent(credentials.client_secret ?? '')}`;
      headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
    } else {
      form.set('client_id', credentials.client_id ?? '');
      form.set('client_secret', credentials.client_secret ?? '');
    }
    const response = await this.fetch(auth.token_url, { method: 'POST', headers, body: form.toString(), signal: AbortSignal.timeout(timeoutMs) });
    const body = await readLimited(response.body, MAX_TOKEN_RESPONSE_BYTES, response.headers.get('content-length'));
    if (response.status === 429 || (response.status === 503 && response.headers.get('retry-after'))) {
      throw new RateLimitedError('the token endpoint asked to come back later', retryAfterMs(response.headers.get('retry-after')));
    }
    if (response.status >= 500) throw new RetryableError(`the token endpoint answered ${response.status}`);
    if (response.status !== 200) throw new PermanentError(`the token endpoint refused the client credentials (${response.status})`);
    let parsed: { access_token?: unknown; expires_in?: unknown };
    try {
      parsed = JSON.parse(body.bytes.toString('utf8')) as typeof parsed;
    } catch {
      throw new RetryableError('the token endpoint did not answer JSON');
    }
    if (typeof parsed.access_token !== 'string' || !parsed.access_token) throw new RetryableError('the token endpoint answered no access_token');
    const lifetime = typeof parsed.expires_in === 'number' && parsed.expires_in > 0 ? parsed.expires_in : DEFAULT_TOKEN_LIFETIME_S;
    return { token: parsed.access_token, expiresAt: this.now() + lifetime * 1000 };
  }
}
