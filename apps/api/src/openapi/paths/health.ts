import { z } from 'zod';
import type { PathSpecs } from '../operation-spec';

const tags = ['health'];

export const healthPaths: PathSpecs = {
  '/healthz': {
    get: { summary: 'Liveness', tags, auth: 'none', responses: { 200: { description: 'alive', schema: z.object({ status: z.literal('ok') }) } } },
  },
  '/readyz': {
    get: {
      summary: 'Readiness: database reachable, every migration applied, stored secrets open with the configured keys; answers within 1.5 s',
      tags,
      auth: 'none',
      responses: { 200: { description: 'ready' }, 503: { description: 'not ready; the body says why' } },
    },
  },
  '/metrics': {
    get: { summary: 'Prometheus metrics (text exposition format)', tags, auth: 'none', responses: { 200: { description: 'metrics' } } },
  },
  '/openapi.json': {
    get: { summary: 'This OpenAPI 3.1 document', tags: ['meta'], auth: 'none', responses: { 200: { description: 'the document' } } },
  },
};
