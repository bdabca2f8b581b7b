import { z } from 'zod';
import { ROLES, type Deployment } from '@interflow/registry';
import { pageQueryShape } from '../http/pagination';

/** Field names that say "secret": such values belong in `credentials`, which is sealed. */
const SECRET_LOOKING = /pass(word)?|secret|token|authorization|credential|api[-_]?key|private[-_]?key/i;

function secretLookingKeys(value: unknown, path: string[] = []): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
    SECRET_LOOKING.test(key) ? [[...path, key].join('.')] : secretLookingKeys(inner, [...path, key]),
  );
}

/** Non-secret settings, stored in clear: refuses fields whose names look secret. */
const connection = z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
  for (const key of secretLookingKeys(value)) {
    ctx.addIssue({ code: 'custom', path: key.split('.'), message: 'looks like a secret: put it in credentials, which are encrypted' });
  }
});

const accessRule = z.strictObject({
  min_role: z.enum(ROLES).optional(),
  token_ids: z.array(z.uuid()).max(1000).optional(),
});

export const accessRulesJson = z
  .strictObject({ read: accessRule.optional(), run: accessRule.optional(), change: accessRule.optional() })
  .describe('per operation: who may, beyond the role the route needs; admins always may');

export const rateLimitJson = z.strictObject({
  requests: z.number().int().min(1).max(1_000_000),
  interval_ms: z.number().int().min(1).max(86_400_000),
});

const deploymentName = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,99}$/, { message: 'expected lower-case letters, digits, _ . - (max 100)' });

export const createDeploymentBody = z.strictObject({
  name: deploymentName,
  description: z.string().max(2000).nullable().optional(),
  service_id: z.uuid(),
  connection: connection.default({}),
  credentials: z.record(z.string(), z.unknown()).default({}).describe('sealed at rest; never returned'),
  rate_limit: rateLimitJson.nullable().optional(),
  max_concurrency: z.number().int().min(1).max(10_000).nullable().optional(),
  access_rules: accessRulesJson.default({}),
});

export const updateDeploymentBody = z.strictObject({
  name: deploymentName.optional(),
  description: z.string().max(2000).nullable().optional(),
  service_id: z.uuid().optional(),
  connection: connection.optional(),
  credentials: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('merged into the stored credentials; a null value removes that credential'),
  rate_limit: rateLimitJson.nullable().optional(),
  max_concurrency: z.number().int().min(1).max(10_000).nullable().optional(),
  access_rules: accessRulesJson.optional(),
});

export const listDeploymentsQuery = z.strictObject({ ...pageQueryShape, service_id: z.uuid().optional() });

export const REDACTED = '[redacted]';

export const deploymentJson = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  service_id: z.uuid(),
  connection: z.record(z.string(), z.unknown()),
  credentials: z.record(z.string(), z.literal(REDACTED)).describe('which credentials are set; values are never returned'),
  credentials_key_id: z.string().describe('id of the key the credentials are sealed with'),
  rate_limit: rateLimitJson.nullable(),
  max_concurrency: z.number().int().nullable(),
  access_rules: accessRulesJson,
  etag: z.string().describe('the content hash, also sent as the ETag header; pass it in If-Match to update safely'),
  created_at: z.string(),
  updated_at: z.string(),
});

export type DeploymentJson = z.infer<typeof deploymentJson>;

export function deploymentToJson(deployment: Deployment): DeploymentJson {
  return {
    id: deployment.id,
    name: deployment.name,
    description: deployment.description,
    service_id: deployment.serviceId,
    connection: deployment.connection,
    credentials: Object.fromEntries(deployment.credentialNames.map((name) => [name, REDACTED] as const)),
    credentials_key_id: deployment.credentialsKeyId,
    rate_limit: deployment.rateLimit,
    max_concurrency: deployment.maxConcurrency,
    access_rules: deployment.accessRules,
    etag: deployment.etag,
    created_at: deployment.createdAt.toISOString(),
    updated_at: deployment.updatedAt.toISOString(),
  };
}
