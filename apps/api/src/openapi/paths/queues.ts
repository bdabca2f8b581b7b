import { pageSchema } from '../../http/pagination';
import { batchReceiptJson, peekJson, peekQuery, queueBatchBody, queuePublishBody, receiptJson } from '../../schemas/messages';
import { nameParams } from '../../schemas/mq-names';
import {
  createQueueBody,
  deleteQueueQuery,
  listQueuesQuery,
  purgedJson,
  queueJson,
  queueStatsJson,
  redriveBody,
  redrivenJson,
} from '../../schemas/queues';
import type { PathSpecs } from '../operation-spec';

const tags = ['message queue'];
const noSuchQueue = { description: 'no such queue' };

export const queuePaths: PathSpecs = {
  '/v1/queues': {
    post: {
      summary: 'Declare a queue with its policy',
      description: 'Idempotent: 201 when created; 200 when it existed, with the policy fields given changed and the others kept.',
      tags,
      auth: 'operator',
      body: createQueueBody,
      responses: {
        201: { description: 'created', schema: queueJson, headers: { Location: 'the queue' } },
        200: { description: 'it existed already', schema: queueJson },
        404: { description: 'the dead-letter queue does not exist' },
      },
    },
    get: {
      summary: 'List queues (by name)',
      tags,
      auth: 'viewer',
      query: listQueuesQuery,
      responses: { 200: { description: 'a page of queues', schema: pageSchema(queueJson) } },
    },
  },
  '/v1/queues/{name}': {
    get: {
      summary: 'Get a queue and its policy',
      tags,
      auth: 'viewer',
      params: nameParams,
      responses: { 200: { description: 'the queue', schema: queueJson }, 404: noSuchQueue },
    },
    delete: {
      summary: 'Delete a queue, its bindings and its messages',
      tags,
      auth: 'operator',
      params: nameParams,
      query: deleteQueueQuery,
      responses: {
        204: { description: 'deleted' },
        404: noSuchQueue,
        409: { description: '`if_empty=true` and the queue still holds messages' },
      },
    },
  },
  '/v1/queues/{name}/purge': {
    post: {
      summary: 'Remove every message waiting in a queue',
      description: 'Ready and delayed messages go; deliveries in flight are left to finish.',
      tags,
      auth: 'operator',
      params: nameParams,
      responses: { 200: { description: 'how many were removed', schema: purgedJson }, 404: noSuchQueue },
    },
  },
  '/v1/queues/{name}/stats': {
    get: {
      summary: 'Queue depth (ready, delayed, in flight, dead) and publish/ack rates',
      tags,
      auth: 'viewer',
      params: nameParams,
      responses: { 200: { description: 'the stats', schema: queueStatsJson }, 404: noSuchQueue },
    },
  },
  '/v1/queues/{name}/messages': {
    get: {
      summary: 'Peek at the head of a queue',
      description: 'The next messages in claim order (priority, then age), without claiming them. Not paginated: `limit` ≤ 100.',
      tags,
      auth: 'viewer',
      params: nameParams,
      query: peekQuery,
      responses: { 200: { description: 'up to `limit` messages', schema: peekJson }, 404: noSuchQueue },
    },
  },
  '/v1/queues/{name}/redrive': {
    post: {
      summary: 'Move dead-lettered messages back to the queues they died in',
      description: '`{name}` is the dead-letter queue. Each message goes back to its source queue with a fresh attempt count.',
      tags,
      auth: 'operator',
      params: nameParams,
      body: redriveBody,
      responses: { 200: { description: 'how many were moved', schema: redrivenJson }, 404: noSuchQueue },
    },
  },
  '/v1/queues/{name}/publish': {
    post: {
      summary: 'Publish one message, or a batch, to a queue (the default exchange)',
      description:
        'Same body as `POST /v1/exchanges/{name}/publish` without `routing_key` and `mandatory`: the queue is the ' +
        'destination, and a missing queue is a 404 (never a silent drop).',
      tags,
      auth: 'operator',
      params: nameParams,
      body: queuePublishBody.or(queueBatchBody),
      responses: {
        201: { description: 'stored: one receipt, or `{receipts}` for a batch', schema: receiptJson.or(batchReceiptJson) },
        404: noSuchQueue,
        429: { description: 'the queue is full (overflow reject_publish)' },
      },
    },
  },
};
