import { z } from 'zod';
import { type ApplySet } from '../apply-sets/apply-sets';

export const applySetParams = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,99}$/, { message: 'expected lower-case letters, digits, _ . - (max 100)' }),
});

const managedObject = z.strictObject({
  kind: z.string().min(1).max(50),
  name: z.string().min(1).max(500),
  id: z.string().min(1).max(500),
  credentials_digest: z.string().max(200).optional().describe('salted digest of the credentials the CLI last sent'),
});

export const putApplySetBody = z.strictObject({
  objects: z.array(managedObject).max(10_000).describe('every object this apply set created and manages'),
});

export const applySetJson = z.object({
  name: z.string(),
  objects: z.array(managedObject),
  version: z.number().int(),
  etag: z.string().describe('also sent as the ETag header; pass it in If-Match to write safely'),
  created_at: z.string(),
  updated_at: z.string(),
});

export const applySetListJson = z.object({ items: z.array(applySetJson) });

export function applySetToJson(set: ApplySet, etag: string): z.infer<typeof applySetJson> {
  return {
    name: set.name,
    objects: set.objects,
    version: set.version,
    etag,
    created_at: set.createdAt.toISOString(),
    updated_at: set.updatedAt.toISOString(),
  };
}
