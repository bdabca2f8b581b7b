import { overviewJson, overviewQuery, whoamiJson } from '../../schemas/overview';
import type { PathSpecs } from '../operation-spec';

const tags = ['overview'];

export const overviewPaths: PathSpecs = {
  '/v1/whoami': {
    get: {
      summary: "The calling token's name, role, deployment scopes, recipient and reach (any token, those bound to a recipient too)",
      tags,
      auth: 'viewer',
      responses: { 200: { description: 'the caller', schema: whoamiJson } },
    },
  },
  '/v1/overview': {
    get: {
      summary: 'Runs per minute by status, and how far the scheduler is behind',
      tags,
      auth: 'viewer',
      query: overviewQuery,
      responses: { 200: { description: 'the overview', schema: overviewJson } },
    },
  },
};
