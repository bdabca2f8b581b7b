import { pageSchema } from '../../http/pagination';
import { consumerJson, listConsumersQuery } from '../../schemas/consumers';
import type { PathSpecs } from '../operation-spec';

export const consumerPaths: PathSpecs = {
  '/v1/consumers': {
    get: {
      summary: 'List registered consumers, optionally of one queue',
      description: 'Consumers register when they start and heartbeat while alive; housekeeping removes those that stopped beating.',
      tags: ['message queue'],
      auth: 'viewer',
      query: listConsumersQuery,
      responses: { 200: { description: 'a page of consumers (by id)', schema: pageSchema(consumerJson) } },
    },
  },
};
