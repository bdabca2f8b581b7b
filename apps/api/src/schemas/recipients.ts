import { z } from 'zod';
import type { Recipient, RecipientGroup } from '@interflow/notifications';
import { pageQueryShape } from '../http/pagination';

const recipientName = z.string().trim().min(1).max(200);
const email = z.email({ message: 'expected an e-mail address' }).max(320);
const webhookUrl = z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' }).max(2000);
const webhookSecret = z
  .string()
  .min(32, { message: 'expected at least 32 characters' })
  .max(512)
  .describe('write-only: the webhook signing secret to use (Standard Webhooks whsec_<base64>, or raw); omitted: one is generated and returned once');
const groupIds = z.array(z.uuid({ message: 'expected a group id (uuid)' })).max(1000);

export const createRecipientBody = z.strictObject({
  name: recipientName,
  email: email.nullable().optional().describe('e-mail channel; omitted or null: no e-mail'),
  webhook_url: webhookUrl.nullable().optional().describe('webhook channel, signed with a secret returned once'),
  webhook_secret: webhookSecret.optional(),
  group_ids: groupIds.optional().describe('the groups the recipient belongs to'),
});

export const updateRecipientBody = z.strictObject({
  name: recipientName.optional(),
  email: email.nullable().optional(),
  webhook_url: webhookUrl.nullable().optional(),
  webhook_secret: webhookSecret.optional().describe('write-only: replaces the signing secret (the webhook must be set)'),
  group_ids: groupIds.optional().describe('replaces the memberships'),
});

export const listRecipientsQuery = z.strictObject({
  ...pageQueryShape,
  group_id: z.uuid({ message: 'expected a group id (uuid)' }).optional(),
});

export const recipientJson = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  webhook_url: z.string().nullable(),
  group_ids: z.array(z.uuid()),
  created_at: z.string(),
  updated_at: z.string(),
});

export const recipientWithSecretJson = recipientJson.extend({
  webhook_secret: z
    .string()
    .nullable()
    .describe('the webhook signing secret (Standard Webhooks, whsec_…) the api generated: in this response only, when a webhook was set up without one given'),
});

export const webhookSecretJson = z.object({ webhook_secret: z.string().describe('the new signing secret: in this response only') });

export function recipientToJson(recipient: Recipient): z.infer<typeof recipientJson> {
  return {
    id: recipient.id,
    name: recipient.name,
    email: recipient.email,
    webhook_url: recipient.webhookUrl,
    group_ids: recipient.groupIds,
    created_at: recipient.createdAt.toISOString(),
    updated_at: recipient.updatedAt.toISOString(),
  };
}

const groupName = z.string().trim().min(1).max(200);

export const createGroupBody = z.strictObject({
  name: groupName,
  description: z.string().max(2000).nullable().optional(),
});

export const updateGroupBody = z.strictObject({
  name: groupName.optional(),
  description: z.string().max(2000).nullable().optional(),
});

export const addMembersBody = z.strictObject({
  recipient_ids: z.array(z.uuid({ message: 'expected a recipient id (uuid)' })).min(1).max(1000),
});

export const groupMemberParams = z.object({
  id: z.uuid({ message: 'expected a uuid' }),
  recipientId: z.uuid({ message: 'expected a uuid' }),
});

export const listGroupsQuery = z.strictObject({ ...pageQueryShape });

export const groupJson = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  member_count: z.number().int(),
  created_at: z.string(),
});

export function groupToJson(group: RecipientGroup): z.infer<typeof groupJson> {
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    member_count: group.memberCount,
    created_at: group.createdAt.toISOString(),
  };
}
