import { idParams } from '../../http/validate';
import { pageSchema } from '../../http/pagination';
import { createSubscriptionBody, listSubscriptionsQuery, subscriptionJson, subscriptionParams } from '../../schemas/action-subscriptions';
import type { PathSpecs } from '../operation-spec';

const tags = ['actions'];
const notFound = { description: 'no such action or subscription' };

export const actionSubscriptionPaths: PathSpecs = {
  '/v1/actions/{id}/subscriptions': {
    post: {
      summary: 'Subscribe an action to an exchange',
      description:
        'Creates a queue of its own (`interflow.subscription.<id>`, dead letters in `<queue>.dead`) bound to the exchange. ' +
        "Runners consume it: every message routed there starts a run of the action with the message's payload as input " +
        '(a finished run\'s result passes on its `response`). That is how one action\'s result route triggers another action.',
      tags,
      auth: 'operator',
      params: idParams,
      body: createSubscriptionBody,
      responses: { 201: { description: 'subscribed', schema: subscriptionJson }, 404: { description: 'no such action or exchange' } },
    },
    get: {
      summary: "List an action's subscriptions",
      tags,
      auth: 'viewer',
      params: idParams,
      query: listSubscriptionsQuery,
      responses: { 200: { description: 'a page', schema: pageSchema(subscriptionJson) }, 404: notFound },
    },
  },
  '/v1/actions/{id}/subscriptions/{subscriptionId}': {
    get: { summary: 'Get a subscription', tags, auth: 'viewer', params: subscriptionParams, responses: { 200: { description: 'the subscription', schema: subscriptionJson }, 404: notFound } },
    delete: {
      summary: 'Delete a subscription',
      description: 'Removes the binding and the queue (messages still in it are dropped); the dead-letter queue stays.',
      tags,
      auth: 'operator',
      params: subscriptionParams,
      responses: { 204: { description: 'deleted' }, 404: notFound },
    },
  },
};
