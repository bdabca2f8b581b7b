import { z } from 'zod';
import { search } from 'jmespath';

/**
 * What an HTTP-connector deployment holds. The connection (stored in clear) names the
 * API and declares its operations as data; the credentials (sealed at rest, decrypted
 * only for the call) hold the secrets the chosen authentication needs.
 *
 *   connection: {
 *     base_url: "https://api.example.com/v2",
 *     auth: { kind: "bearer" } | { kind: "basic" } | { kind: "api_key", in: "header"|"query", name: "X-Api-Key" }
 *         | { kind: "oauth2_client_credentials", token_url, scope? } | { kind: "none" },
 *     operations: { "<name>": Operation, ... }
 *   }
 *   credentials: { token } | { username, password } | { api_key } | { client_id, client_secret }
 */

/** A JMESPath expression, evaluated once on an empty document to check it parses. */
const jmesPath = z.string().min(1).max(1000).refine(
  (expression) => {
    try {
      search({}, expression);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid JMESPath expression' },
);

const templateValue = z.union([z.string(), z.number(), z.boolean()]);

const pagination = z.discriminatedUnion('kind', [
  /** RFC 8288 `Link: <…>; rel="next"`. */
  z.strictObject({ kind: z.literal('link_header'), max_pages: z.number().int().min(1).max(1000).default(10) }),
  /** A field of the body holding the next page's URL (absolute or relative to the request). */
  z.strictObject({ kind: z.literal('next_url'), next_url_path: jmesPath, max_pages: z.number().int().min(1).max(1000).default(10) }),
  /** A field of the body holding a cursor, sent back as a query parameter. */
  z.strictObject({
    kind: z.literal('cursor'),
    cursor_path: jmesPath,
    cursor_param: z.string().min(1).max(100),
    max_pages: z.number().int().min(1).max(1000).default(10),
  }),
]);

export const operationSchema = z.strictObject({
  description: z.string().max(2000).optional(),
  verb: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
  /** Appended to base_url; `{name}` placeholders are filled from the input, URL-encoded. */
  path: z.string().min(1).max(2000).startsWith('/'),
  /** Query parameters; a value `{name}` takes the input's field (omitted when absent). */
  query: z.record(z.string(), templateValue).default({}),
  /** Extra request headers (placeholders allowed). Authentication is added separately. */
  headers: z.record(z.string(), z.string()).default({}),
  /** JSON body template: a string `{name}` is replaced by that input field, typed; `{input}` is the whole input. */
  body: z.unknown().optional(),
  /** What to return: a JMESPath pick from the (each page's) response. */
  pick: jmesPath.optional(),
  pagination: pagination.optional(),
  timeout_ms: z.number().int().min(100).max(600_000).default(30_000),
  /** Per-operation response cap; never above the connector's own cap. */
  max_response_bytes: z.number().int().min(1).optional(),
});

export const authSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('bearer') }),
  z.strictObject({ kind: z.literal('basic') }),
  z.strictObject({ kind: z.literal('api_key'), in: z.enum(['header', 'query']), name: z.string().min(1).max(200) }),
  z.strictObject({
    kind: z.literal('oauth2_client_credentials'),
    token_url: z.url(),
    scope: z.string().max(2000).optional(),
    /** Where client id and secret go: HTTP Basic (default, RFC 6749 §2.3.1) or the form body. */
    client_auth: z.enum(['basic', 'body']).default('basic'),
  }),
]);

export const httpConnectionSchema = z.object({
  base_url: z.url({ protocol: /^https?$/ }),
  auth: authSchema.default({ kind: 'none' }),
  operations: z.record(z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/), operationSchema),
});

export const credentialsSchema = z.object({
  token: z.string().min(1).optional(),
  username: z.string().optional(),
  password: z.string().optional(),
  api_key: z.string().min(1).optional(),
  client_id: z.string().min(1).optional(),
  client_secret: z.string().min(1).optional(),
});

export type Operation = z.infer<typeof operationSchema>;
export type Auth = z.infer<typeof authSchema>;
export type HttpConnection = z.infer<typeof httpConnectionSchema>;
export type HttpCredentials = z.infer<typeof credentialsSchema>;

/** Which credentials each kind needs: checked before any call, named in the 422. */
export function missingCredentials(auth: Auth, credentials: HttpCredentials): string[] {
  const needed: Record<Auth['kind'], (keyof HttpCredentials)[]> = {
    none: [],
    bearer: ['token'],
    basic: ['username', 'password'],
    api_key: ['api_key'],
    oauth2_client_credentials: ['client_id', 'client_secret'],
  };
  return needed[auth.kind].filter((name) => credentials[name] === undefined);
}
