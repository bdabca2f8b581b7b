import { z } from 'zod';
import { idParams } from '../../http/validate';
import { pageSchema } from '../../http/pagination';
import { actionJson, createActionBody, createdActionJson, listActionsQuery, updateActionBody, webhookJson } from '../../schemas/actions';
import { deleteStatesQuery, listStatesQuery, recordStatesBody, recordStatesJson, stateJson } from '../../schemas/action-states';
import { etagHeader, ifMatchHeader, staleIfMatch } from '../conditional-requests';
import type { PathSpecs } from '../operation-spec';

const tags = ['actions'];
const notFound = { description: 'no such action (or not visible to this token)' };

export const actionPaths: PathSpecs = {
  '/v1/actions': {
    post: {
      summary: 'Create an action',
      description:
        "The method must exist on the deployment's service; the default input is checked against its input schema " +
        '(required fields may be left to each trigger). The webhook URL is returned in this response only.',
      tags,
      auth: 'operator',
      body: createActionBody,
      responses: { 201: { description: 'created', schema: createdActionJson }, 404: { description: 'no such deployment' }, 409: { description: 'name taken' } },
    },
    get: { summary: 'List actions', tags, auth: 'viewer', query: listActionsQuery, responses: { 200: { description: 'a page', schema: pageSchema(actionJson) } } },
  },
  '/v1/actions/{id}': {
    get: {
      summary: 'Get an action',
      tags,
      auth: 'viewer',
      params: idParams,
      responses: { 200: { description: 'the action', schema: actionJson, headers: etagHeader('action') }, 404: notFound },
    },
    patch: {
      summary: 'Change an action',
      tags,
      auth: 'operator',
      params: idParams,
      headers: ifMatchHeader,
      body: updateActionBody,
      responses: {
        200: { description: 'changed', schema: actionJson, headers: etagHeader('action') },
        404: notFound,
        409: { description: 'name taken' },
        412: staleIfMatch,
      },
    },
    delete: {
      summary: 'Delete an action with its runs, states and cached responses',
      tags,
      auth: 'operator',
      params: idParams,
      headers: ifMatchHeader,
      responses: { 204: { description: 'deleted' }, 404: notFound, 412: staleIfMatch },
    },
  },
  '/v1/actions/{id}/webhook': {
    post: {
      summary: "Rotate the action's webhook URL",
      description: 'The old URL stops working at once; the new one is returned in this response only.',
      tags,
      auth: 'operator',
      params: idParams,
      responses: { 200: { description: 'the new webhook', schema: webhookJson }, 404: notFound },
    },
    delete: { summary: 'Disable the webhook', tags, auth: 'operator', params: idParams, responses: { 204: { description: 'disabled' }, 404: notFound } },
  },
  '/v1/actions/{id}/states': {
    post: {
      summary: 'Record a batch of seen items',
      description: 'Answers, per item in order, whether it is new, changed (known fid, other nonce) or seen, and records it.',
      tags: ['action states'],
      auth: 'operator',
      params: idParams,
      body: recordStatesBody,
      responses: { 200: { description: 'a verdict per item', schema: recordStatesJson }, 404: notFound },
    },
    get: {
      summary: 'List recorded states',
      tags: ['action states'],
      auth: 'viewer',
      params: idParams,
      query: listStatesQuery,
      responses: { 200: { description: 'a page', schema: pageSchema(stateJson) }, 404: notFound },
    },
    delete: {
      summary: 'Forget states (one fid, or all)',
      tags: ['action states'],
      auth: 'operator',
      params: idParams,
      query: deleteStatesQuery,
      responses: { 200: { description: 'how many were deleted', schema: z.object({ deleted: z.number().int() }) }, 404: notFound },
    },
  },
};
