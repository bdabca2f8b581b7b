import { idParams } from '../../http/validate';
import { pageSchema } from '../../http/pagination';
import {
  addMembersBody,
  createGroupBody,
  createRecipientBody,
  groupJson,
  groupMemberParams,
  listGroupsQuery,
  listRecipientsQuery,
  recipientJson,
  recipientWithSecretJson,
  updateGroupBody,
  updateRecipientBody,
  webhookSecretJson,
} from '../../schemas/recipients';
import type { PathSpecs } from '../operation-spec';

const tags = ['notifications'];
const unscoped = ' Needs a token not limited to deployments.';

export const recipientPaths: PathSpecs = {
  '/v1/recipients': {
    post: {
      summary: 'Create a recipient',
      description:
        'A person or system notifications reach: the inbox always, e-mail and a webhook when given. With a webhook URL and ' +
        'no webhook_secret, a signing secret is generated and returned in this response only.' + unscoped,
      tags,
      auth: 'operator',
      body: createRecipientBody,
      responses: {
        201: { description: 'created', schema: recipientWithSecretJson },
        409: { description: 'the name is taken, or a webhook_secret without a webhook_url' },
      },
    },
    get: {
      summary: 'List recipients',
      description: 'Optionally only the members of one group.' + unscoped,
      tags,
      auth: 'viewer',
      query: listRecipientsQuery,
      responses: { 200: { description: 'a page of recipients', schema: pageSchema(recipientJson) } },
    },
  },
  '/v1/recipients/{id}': {
    get: {
      summary: 'Get a recipient',
      tags,
      auth: 'viewer',
      params: idParams,
      responses: { 200: { description: 'the recipient', schema: recipientJson }, 404: { description: 'no such recipient' } },
    },
    patch: {
      summary: 'Change a recipient',
      description: 'A webhook URL set where there was none gets a new secret (in this response only) unless webhook_secret gives one; ' +
        'webhook_secret replaces the secret; group_ids replaces the memberships.' + unscoped,
      tags,
      auth: 'operator',
      params: idParams,
      body: updateRecipientBody,
      responses: {
        200: { description: 'the recipient', schema: recipientWithSecretJson },
        404: { description: 'no such recipient' },
        409: { description: 'the name is taken, or a webhook_secret without a webhook_url' },
      },
    },
    delete: {
      summary: 'Delete a recipient',
      description: 'Its deliveries and the tokens bound to it go with it.' + unscoped,
      tags,
      auth: 'operator',
      params: idParams,
      responses: { 204: { description: 'deleted' }, 404: { description: 'no such recipient' } },
    },
  },
  '/v1/recipients/{id}/webhook-secret': {
    post: {
      summary: "Rotate a recipient's webhook signing secret",
      description: 'The old secret stops working at once.' + unscoped,
      tags,
      auth: 'operator',
      params: idParams,
      responses: {
        200: { description: 'the new secret (shown once)', schema: webhookSecretJson },
        404: { description: 'no such recipient' },
        409: { description: 'the recipient has no webhook' },
      },
    },
  },
  '/v1/groups': {
    post: {
      summary: 'Create a group of recipients',
      tags,
      auth: 'operator',
      body: createGroupBody,
      responses: { 201: { description: 'created', schema: groupJson }, 409: { description: 'the name is taken' } },
    },
    get: {
      summary: 'List groups',
      tags,
      auth: 'viewer',
      query: listGroupsQuery,
      responses: { 200: { description: 'a page of groups', schema: pageSchema(groupJson) } },
    },
  },
  '/v1/groups/{id}': {
    get: {
      summary: 'Get a group',
      tags,
      auth: 'viewer',
      params: idParams,
      responses: { 200: { description: 'the group', schema: groupJson }, 404: { description: 'no such group' } },
    },
    patch: {
      summary: 'Rename or describe a group',
      tags,
      auth: 'operator',
      params: idParams,
      body: updateGroupBody,
      responses: { 200: { description: 'the group', schema: groupJson }, 404: { description: 'no such group' }, 409: { description: 'the name is taken' } },
    },
    delete: {
      summary: 'Delete a group',
      description: 'Its memberships go; the recipients stay.' + unscoped,
      tags,
      auth: 'operator',
      params: idParams,
      responses: { 204: { description: 'deleted' }, 404: { description: 'no such group' } },
    },
  },
  '/v1/groups/{id}/members': {
    post: {
      summary: 'Add recipients to a group',
      description: 'Recipients already in it stay in it once.' + unscoped,
      tags,
      auth: 'operator',
      params: idParams,
      body: addMembersBody,
      responses: { 200: { description: 'the group', schema: groupJson }, 404: { description: 'no such group or recipient' } },
    },
  },
  '/v1/groups/{id}/members/{recipientId}': {
    delete: {
      summary: 'Remove a recipient from a group',
      tags,
      auth: 'operator',
      params: groupMemberParams,
      responses: { 204: { description: 'removed' }, 404: { description: 'no such group, or not a member' } },
    },
  },
};
