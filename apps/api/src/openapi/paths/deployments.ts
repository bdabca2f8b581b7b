import { idParams } from '../../http/validate';
import { pageSchema } from '../../http/pagination';
import { createDeploymentBody, deploymentJson, listDeploymentsQuery, updateDeploymentBody } from '../../schemas/deployments';
import type { PathSpecs } from '../operation-spec';

const tags = ['deployments'];
const notFound = { description: 'no such deployment (or not visible to this token)' };
const etagHeader = { ETag: 'content hash of the deployment' };
const ifMatch = { 'If-Match': { description: 'the ETag last read; a stale one is refused with 412 and nothing changes' } };

export const deploymentPaths: PathSpecs = {
  '/v1/deployments': {
    post: {
      summary: 'Create a deployment',
      description: 'Credentials are sealed with AES-256-GCM and never returned. Needs an unscoped token.',
      tags,
      auth: 'operator',
      body: createDeploymentBody,
      responses: {
        201: { description: 'created', schema: deploymentJson, headers: etagHeader },
        404: { description: 'no such service' },
        409: { description: 'name taken' },
      },
    },
    get: {
      summary: 'List the deployments this token may read',
      tags,
      auth: 'viewer',
      query: listDeploymentsQuery,
      responses: { 200: { description: 'a page', schema: pageSchema(deploymentJson) } },
    },
  },
  '/v1/deployments/{id}': {
    get: {
      summary: 'Get a deployment',
      tags,
      auth: 'viewer',
      params: idParams,
      responses: { 200: { description: 'the deployment, credentials redacted', schema: deploymentJson, headers: etagHeader }, 404: notFound },
    },
    patch: {
      summary: 'Change a deployment',
      description: '`credentials` is merged into the stored ones (null removes one).',
      tags,
      auth: 'operator',
      params: idParams,
      headers: ifMatch,
      body: updateDeploymentBody,
      responses: {
        200: { description: 'changed', schema: deploymentJson, headers: etagHeader },
        404: notFound,
        409: { description: 'name taken' },
        412: { description: 'If-Match is stale' },
      },
    },
    delete: {
      summary: 'Delete a deployment',
      tags,
      auth: 'operator',
      params: idParams,
      headers: ifMatch,
      responses: {
        204: { description: 'deleted' },
        404: notFound,
        409: { description: 'actions use it; details name them' },
        412: { description: 'If-Match is stale' },
      },
    },
  },
};
