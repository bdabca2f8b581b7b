import { idParams } from '../../http/validate';
import { pageSchema } from '../../http/pagination';
import { listRunsQuery, runJson, runWithAttemptsJson } from '../../schemas/runs';
import {
  IDEMPOTENCY_HEADER_DOC,
  triggerBody,
  triggerQuery,
  webhookBody,
  webhookParams,
} from '../../schemas/triggering';
import type { PathSpecs } from '../operation-spec';

const tags = ['runs'];
const ran = {
  200: { description: 'the run ended within `wait` (or was answered from the response cache)', schema: runJson },
  202: { description: 'queued or still running; poll Location or pass `wait`', schema: runJson, headers: { Location: '/v1/runs/{id}' } },
  409: { description: 'the Idempotency-Key was used with another input' },
};

export const runPaths: PathSpecs = {
  '/v1/actions/{id}/runs': {
    post: {
      summary: 'Run an action',
      description: 'Needs run access to the deployment. The input is merged over the default input and checked against the method schema.',
      tags,
      auth: 'operator',
      params: idParams,
      query: triggerQuery,
      headers: IDEMPOTENCY_HEADER_DOC,
      body: triggerBody,
      responses: { ...ran, 404: { description: 'no such action' } },
    },
  },
  '/v1/hooks/{secret}': {
    post: {
      summary: "Run an action through its secret webhook URL (no token)",
      description: 'The body is the input itself.',
      tags,
      auth: 'none',
      params: webhookParams,
      query: triggerQuery,
      headers: IDEMPOTENCY_HEADER_DOC,
      body: webhookBody,
      responses: { ...ran, 404: { description: 'no webhook at this address' } },
    },
  },
  '/v1/runs': {
    get: { summary: 'List runs, newest first', tags, auth: 'viewer', query: listRunsQuery, responses: { 200: { description: 'a page', schema: pageSchema(runJson) } } },
  },
  '/v1/runs/{id}': {
    get: {
      summary: 'Get a run with every attempt',
      tags,
      auth: 'viewer',
      params: idParams,
      responses: { 200: { description: 'the run', schema: runWithAttemptsJson }, 404: { description: 'no such run' } },
    },
  },
};
