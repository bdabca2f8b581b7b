import { idParams } from '../../http/validate';
import { pageSchema } from '../../http/pagination';
import { createdTokenJson, createTokenBody, listTokensQuery, tokenJson } from '../../schemas/tokens';
import type { PathSpecs } from '../operation-spec';

const tags = ['tokens'];

export const tokenPaths: PathSpecs = {
  '/v1/tokens': {
    post: {
      summary: 'Create an API token',
      description: 'The secret is returned in this response only; only its hash is stored.',
      tags,
      auth: 'admin',
      body: createTokenBody,
      responses: { 201: { description: 'created; `token` is the secret', schema: createdTokenJson } },
    },
    get: {
      summary: 'List API tokens',
      tags,
      auth: 'admin',
      query: listTokensQuery,
      responses: { 200: { description: 'a page of tokens', schema: pageSchema(tokenJson) } },
    },
  },
  '/v1/tokens/{id}': {
    get: {
      summary: 'Get an API token',
      tags,
      auth: 'admin',
      params: idParams,
      responses: { 200: { description: 'the token (never its secret)', schema: tokenJson }, 404: { description: 'no such token' } },
    },
    delete: {
      summary: 'Revoke an API token',
      description: 'Revoked at once; the row stays for the record. The last active unscoped admin token cannot be revoked (409).',
      tags,
      auth: 'admin',
      params: idParams,
      responses: {
        200: { description: 'the revoked token', schema: tokenJson },
        404: { description: 'no such token' },
        409: { description: 'it is the last active admin token' },
      },
    },
  },
};
