import { z } from 'zod';
import { ROLES } from '@interflow/registry';
import { type ApiToken } from '../access/api-tokens';
import { pageQueryShape } from '../http/pagination';

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  /** Deployment ids this token is limited to; omitted or null: every deployment. */
  deployment_scopes: z.array(z.uuid({ message: 'expected a deployment id (uuid)' })).max(1000).nullable().optional(),
  /**
   * Binds the token to a recipient: it reads and confirms that recipient's inbox and
   * reaches nothing else (role viewer, no deployment scopes).
   */
  recipient_id: z.uuid({ message: 'expected a recipient id (uuid)' }).nullable().optional(),
  expires_at: z.iso.datetime({ offset: true }).nullable().optional(),
}).refine((body) => !body.recipient_id || (body.role === 'viewer' && !body.deployment_scopes), {
  message: 'a token bound to a recipient has role viewer and no deployment_scopes (it reaches only its inbox)',
  path: ['recipient_id'],
});

export const listTokensQuery = z.strictObject({
  ...pageQueryShape,
  include_revoked: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export const tokenJson = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.enum(ROLES),
  deployment_scopes: z.array(z.uuid()).nullable(),
  recipient_id: z.uuid().nullable().describe('the recipient whose inbox this token reads; null for ordinary tokens'),
  prefix: z.string().describe('the first characters of the token, to recognise it'),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  expires_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});

export const createdTokenJson = tokenJson.extend({
  token: z.string().describe('the secret: shown in this response only, store it now'),
});

export type TokenJson = z.infer<typeof tokenJson>;

export function tokenToJson(token: ApiToken): TokenJson {
  return {
    id: token.id,
    name: token.name,
    role: token.role,
    deployment_scopes: token.deploymentScopes,
    recipient_id: token.recipientId,
    prefix: token.prefix,
    created_at: token.createdAt.toISOString(),
    last_used_at: token.lastUsedAt?.toISOString() ?? null,
    expires_at: token.expiresAt?.toISOString() ?? null,
    revoked_at: token.revokedAt?.toISOString() ?? null,
  };
}
