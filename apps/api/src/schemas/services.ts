import { z } from 'zod';
import { HTTP_VERBS, type Service } from '@interflow/registry';
import { pageQueryShape } from '../http/pagination';

export const methodJson = z.strictObject({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,99}$/, { message: 'expected a name of letters, digits, _ . - (max 100)' }),
  http_method: z.enum(HTTP_VERBS).default('POST'),
  path: z.string().startsWith('/', { message: "expected a path starting with '/'" }).max(2000),
  description: z.string().max(2000).nullable().default(null),
  input_schema: z.record(z.string(), z.unknown()).nullable().default(null).describe('JSON Schema of the input; checked with ajv'),
});

const serviceName = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,99}$/, { message: 'expected lower-case letters, digits, _ . - (max 100)' });
const baseUrl = z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' }).max(2000);
/** Given by the operator when the connector is configured with a known secret; else generated. */
const signingSecret = z.string().min(32, { message: 'expected at least 32 characters' }).max(512);

export const createServiceBody = z.strictObject({
  name: serviceName,
  description: z.string().max(2000).nullable().optional(),
  base_url: baseUrl,
  methods: z.array(methodJson).max(500).default([]),
  signing_secret: signingSecret.optional(),
});

export const updateServiceBody = z.strictObject({
  name: serviceName.optional(),
  description: z.string().max(2000).nullable().optional(),
  base_url: baseUrl.optional(),
  methods: z.array(methodJson).max(500).optional(),
});

export const rotateSigningSecretBody = z.strictObject({ signing_secret: signingSecret.optional() });

export const listServicesQuery = z.strictObject({ ...pageQueryShape });

export const serviceJson = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  base_url: z.string(),
  methods: z.array(methodJson),
  created_at: z.string(),
  etag: z.string().describe('the content hash, also sent as the ETag header; pass it in If-Match to update or delete safely'),
  updated_at: z.string(),
});

export const signingSecretJson = z.object({
  signing_secret: z.string().describe('HMAC-SHA256 key of request signatures: shown in this response only'),
});

export type ServiceJson = z.infer<typeof serviceJson>;

export function serviceToJson(service: Service): ServiceJson {
  return {
    id: service.id,
    name: service.name,
    description: service.description,
    base_url: service.baseUrl,
    methods: service.methods,
    created_at: service.createdAt.toISOString(),
    etag: service.etag,
    updated_at: service.updatedAt.toISOString(),
  };
}
