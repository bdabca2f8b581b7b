import { idParams } from '../../http/validate';
import { pageSchema } from '../../http/pagination';
import {
  createServiceBody,
  listServicesQuery,
  rotateSigningSecretBody,
  serviceJson,
  signingSecretJson,
  updateServiceBody,
} from '../../schemas/services';
import { etagHeader, ifMatchHeader, staleIfMatch } from '../conditional-requests';
import type { PathSpecs } from '../operation-spec';

const tags = ['services'];
const notFound = { description: 'no such service' };

export const servicePaths: PathSpecs = {
  '/v1/services': {
    post: {
      summary: 'Register a connector service',
      description:
        'Methods with an `input_schema` have their trigger input checked against it. The signing secret (HMAC key of request ' +
        'signatures) is the given one or generated, sealed at rest, and returned in this response only. Needs an unscoped token.',
      tags,
      auth: 'operator',
      body: createServiceBody,
      responses: { 201: { description: 'registered', schema: serviceJson.extend(signingSecretJson.shape) }, 409: { description: 'name taken' } },
    },
    get: { summary: 'List services', tags, auth: 'viewer', query: listServicesQuery, responses: { 200: { description: 'a page', schema: pageSchema(serviceJson) } } },
  },
  '/v1/services/{id}': {
    get: {
      summary: 'Get a service',
      tags,
      auth: 'viewer',
      params: idParams,
      responses: { 200: { description: 'the service', schema: serviceJson, headers: etagHeader('service') }, 404: notFound },
    },
    patch: {
      summary: 'Change a service',
      description: 'Removing a method that actions use is refused with 409 naming them.',
      tags,
      auth: 'operator',
      params: idParams,
      headers: ifMatchHeader,
      body: updateServiceBody,
      responses: {
        200: { description: 'changed', schema: serviceJson, headers: etagHeader('service') },
        404: notFound,
        409: { description: 'name taken, or a removed method is in use' },
        412: staleIfMatch,
      },
    },
    delete: {
      summary: 'Delete a service',
      tags,
      auth: 'operator',
      params: idParams,
      headers: ifMatchHeader,
      responses: { 204: { description: 'deleted' }, 404: notFound, 409: { description: 'deployments use it; details name them' }, 412: staleIfMatch },
    },
  },
  '/v1/services/{id}/signing-secret': {
    post: {
      summary: "Rotate a service's signing secret",
      description: 'Replaces it with the given one or a generated one, returned in this response only.',
      tags,
      auth: 'operator',
      params: idParams,
      body: rotateSigningSecretBody,
      responses: { 200: { description: 'the new secret', schema: signingSecretJson }, 404: notFound },
    },
  },
};

