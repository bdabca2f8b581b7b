import { pageSchema } from '../../http/pagination';
import { createExchangeBody, exchangeJson, listExchangesQuery } from '../../schemas/exchanges';
import { batchReceiptJson, exchangeBatchBody, exchangePublishBody, receiptJson } from '../../schemas/messages';
import { nameParams } from '../../schemas/mq-names';
import type { PathSpecs } from '../operation-spec';

const tags = ['message queue'];

export const exchangePaths: PathSpecs = {
  '/v1/exchanges': {
    post: {
      summary: 'Declare an exchange',
      description: 'Idempotent: declaring an existing exchange with the same type answers 200 with it; 201 when created.',
      tags,
      auth: 'operator',
      body: createExchangeBody,
      responses: {
        201: { description: 'created', schema: exchangeJson, headers: { Location: 'the exchange' } },
        200: { description: 'it existed already', schema: exchangeJson },
        404: { description: 'the alternate exchange does not exist' },
        409: { description: 'an exchange of that name exists with another type' },
      },
    },
    get: {
      summary: 'List exchanges (by name)',
      tags,
      auth: 'viewer',
      query: listExchangesQuery,
      responses: { 200: { description: 'a page of exchanges', schema: pageSchema(exchangeJson) } },
    },
  },
  '/v1/exchanges/{name}': {
    get: {
      summary: 'Get an exchange',
      tags,
      auth: 'viewer',
      params: nameParams,
      responses: { 200: { description: 'the exchange', schema: exchangeJson }, 404: { description: 'no such exchange' } },
    },
    delete: {
      summary: 'Delete an exchange and its bindings',
      tags,
      auth: 'operator',
      params: nameParams,
      responses: { 204: { description: 'deleted' }, 404: { description: 'no such exchange' } },
    },
  },
  '/v1/exchanges/{name}/publish': {
    post: {
      summary: 'Publish one message, or a batch, through an exchange',
      description:
        'The body is one message (`payload`, `routing_key`, options) or `{"messages": [...], "mandatory"}` with up to ' +
        '1000 messages, each with its own `routing_key`. A batch is one transaction: every message is stored or none. ' +
        'The answer comes once committed (the publisher confirm). A message matching no binding is dropped ' +
        '(its `queues` is empty) unless `mandatory` is true, which refuses it with 422 `unroutable`. ' +
        'A missing exchange is a 404 and a bad field (e.g. `priority` outside 1–5) a 400; neither stores anything.',
      tags,
      auth: 'operator',
      params: nameParams,
      body: exchangePublishBody.or(exchangeBatchBody),
      responses: {
        201: { description: 'stored: one receipt, or `{receipts}` for a batch', schema: receiptJson.or(batchReceiptJson) },
        404: { description: 'no such exchange' },
        422: { description: 'mandatory and no queue matched' },
        429: { description: 'a target queue is full (overflow reject_publish)' },
      },
    },
  },
};
