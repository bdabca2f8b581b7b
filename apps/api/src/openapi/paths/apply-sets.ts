import { applySetJson, applySetListJson, applySetParams, putApplySetBody } from '../../schemas/apply-sets';
import type { PathSpecs } from '../operation-spec';

const tags = ['apply-sets'];
const etagHeader = { ETag: 'the version of the apply set, for If-Match' };
const notFound = { description: 'no such apply set' };

export const applySetPaths: PathSpecs = {
  '/v1/apply-sets': {
    get: {
      summary: 'List apply sets (what `interflow apply` manages)',
      tags,
      auth: 'viewer',
      responses: { 200: { description: 'every apply set', schema: applySetListJson } },
    },
  },
  '/v1/apply-sets/{name}': {
    get: {
      summary: 'Get an apply set',
      tags,
      auth: 'viewer',
      params: applySetParams,
      responses: { 200: { description: 'the apply set', schema: applySetJson, headers: etagHeader }, 404: notFound },
    },
    put: {
      summary: 'Create or replace an apply set',
      description: 'Needs an unscoped token. `If-Match` writes only over the version read; `If-None-Match: *` only creates.',
      tags,
      auth: 'operator',
      params: applySetParams,
      headers: {
        'If-Match': { description: 'the ETag last read; a stale one is refused with 412 and nothing changes' },
        'If-None-Match': { description: '`*`: refuse with 412 if the apply set exists already' },
      },
      body: putApplySetBody,
      responses: {
        200: { description: 'written', schema: applySetJson, headers: etagHeader },
        412: { description: 'the apply set changed since it was read (or exists, with If-None-Match: *)' },
      },
    },
    delete: {
      summary: 'Forget an apply set (its objects stay)',
      tags,
      auth: 'operator',
      params: applySetParams,
      headers: { 'If-Match': { description: 'the ETag last read' } },
      responses: { 204: { description: 'forgotten' }, 404: notFound, 412: { description: 'If-Match is stale' } },
    },
  },
};
