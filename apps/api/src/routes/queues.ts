import { Router } from 'express';
import { DEFAULT_EXCHANGE, type Broker } from '@interflow/broker';
import { ConflictError, NotFoundError } from '@interflow/core';
import { requireBrokerAccess, requireTopologyAccess, topologyVisibleTo } from '../http/system-topology';
import { paginateByKey } from '../http/paginate-by-key';
import { parseBody, parseParams, parseQuery } from '../http/validate';
import {
  isBatchBody,
  peekedMessageToJson,
  peekQuery,
  queueBatchBody,
  queuePublishBody,
  receiptToJson,
  senderOf,
  toPublication,
} from '../schemas/messages';
import { nameParams } from '../schemas/mq-names';
import {
  createQueueBody,
  deleteQueueQuery,
  listQueuesQuery,
  queueStatsToJson,
  queueToJson,
  redriveBody,
  toQueuePolicy,
} from '../schemas/queues';

/**
 * `/v1/queues`: declare, list, inspect, purge and delete queues; publish to one through
 * the default exchange; peek at its head; its stats; redrive its dead letters. Only
 * unscoped tokens; system queues (`interflow.`) as system-topology.ts allows.
 */
export function queueRoutes(deps: { broker: Broker }): Router {
  const router = Router();
  const { broker } = deps;

  const existingQueue = async (name: string) => {
    const queue = await broker.getQueue(name);
    if (!queue) throw new NotFoundError('queue', name);
    return queue;
  };

  router.post('/v1/queues', async (req, res) => {
    requireBrokerAccess(req, 'operator');
    const body = parseBody(createQueueBody, req);
    const deadLetterQueue = body.policy?.dead_letter_queue;
    if (deadLetterQueue) await existingQueue(deadLetterQueue);
    const existed = (await broker.getQueue(body.name)) !== null;
    const queue = await broker.declareQueue({ name: body.name, policy: toQueuePolicy(body.policy) });
    req.log.info(existed ? 'queue redeclared' : 'queue declared', { queue: queue.name });
    res.status(existed ? 200 : 201).location(`/v1/queues/${queue.name}`).json(queueToJson(queue));
  });

  router.get('/v1/queues', async (req, res) => {
    const principal = requireBrokerAccess(req, 'viewer');
    const query = parseQuery(listQueuesQuery, req);
    const visible = (await broker.listQueues()).filter((queue) => topologyVisibleTo(principal, queue.name));
    const page = paginateByKey(visible, (queue) => queue.name, query);
    res.json({ items: page.items.map(queueToJson), next_cursor: page.next_cursor });
  });

  router.get('/v1/queues/:name', async (req, res) => {
    const principal = requireBrokerAccess(req, 'viewer');
    const { name } = parseParams(nameParams, req);
    requireTopologyAccess(principal, 'queue', name, 'read');
    res.json(queueToJson(await existingQueue(name)));
  });

  router.delete('/v1/queues/:name', async (req, res) => {
    const principal = requireBrokerAccess(req, 'operator');
    const { name } = parseParams(nameParams, req);
    requireTopologyAccess(principal, 'queue', name, 'delete');
    const query = parseQuery(deleteQueueQuery, req);
    await existingQueue(name);
    if (query.if_empty) {
      const stats = await broker.queueStats(name);
      const held = stats.ready + stats.delayed + stats.inFlight;
      if (held > 0) throw new ConflictError(`queue '${name}' still holds ${held} messages`, { queue: name, messages: held });
    }
    await broker.deleteQueue(name);
    req.log.info('queue deleted', { queue: name });
    res.status(204).end();
  });

  router.post('/v1/queues/:name/purge', async (req, res) => {
    const principal = requireBrokerAccess(req, 'operator');
    const { name } = parseParams(nameParams, req);
    requireTopologyAccess(principal, 'queue', name, 'purge');
    await existingQueue(name);
    const purged = await broker.purgeQueue(name);
    req.log.info('queue purged', { queue: name, purged });
    res.json({ purged });
  });

  router.get('/v1/queues/:name/stats', async (req, res) => {
    const principal = requireBrokerAccess(req, 'viewer');
    const { name } = parseParams(nameParams, req);
    requireTopologyAccess(principal, 'queue', name, 'read');
    await existingQueue(name);
    res.json(queueStatsToJson(await broker.queueStats(name)));
  });

  router.get('/v1/queues/:name/messages', async (req, res) => {
    const principal = requireBrokerAccess(req, 'viewer');
    const { name } = parseParams(nameParams, req);
    requireTopologyAccess(principal, 'queue', name, 'peek');
    const { limit } = parseQuery(peekQuery, req);
    await existingQueue(name);
    const messages = await broker.peek(name, { limit });
    res.json({ items: messages.map(peekedMessageToJson) });
  });

  /** `{name}` is the dead-letter queue; each message goes back to the queue it died in. */
  router.post('/v1/queues/:name/redrive', async (req, res) => {
    const principal = requireBrokerAccess(req, 'operator');
    const { name } = parseParams(nameParams, req);
    requireTopologyAccess(principal, 'queue', name, 'redrive');
    const body = parseBody(redriveBody, req);
    await existingQueue(name);
    const redriven = await broker.redrive(name, {
      ...(body.max === undefined ? {} : { max: body.max }),
      ...(body.message_ids === undefined ? {} : { messageIds: body.message_ids }),
    });
    req.log.info('dead letters redriven', { queue: name, redriven });
    res.json({ redriven });
  });

  /**
   * The default exchange: the message goes to this queue (404 when it does not exist,
   * rather than being dropped as unroutable). One message, or `{messages: [...]}`.
   */
  router.post('/v1/queues/:name/publish', async (req, res) => {
    const principal = requireBrokerAccess(req, 'operator');
    const { name } = parseParams(nameParams, req);
    requireTopologyAccess(principal, 'queue', name, 'publish');
    const sender = senderOf(principal);
    if (isBatchBody(req.body)) {
      const body = parseBody(queueBatchBody, req);
      await existingQueue(name);
      const publications = body.messages.map((message) => toPublication(DEFAULT_EXCHANGE, name, message, sender, true));
      const receipts = await broker.publishBatch(publications);
      req.log.info('batch published', { queue: name, messages: publications.length });
      res.status(201).json({ receipts: receipts.map(receiptToJson) });
      return;
    }
    const body = parseBody(queuePublishBody, req);
    await existingQueue(name);
    const receipt = await broker.publish(toPublication(DEFAULT_EXCHANGE, name, body, sender, true));
    req.log.info('message published', { queue: name, messageIds: receipt.messageIds });
    res.status(201).json(receiptToJson(receipt));
  });

  return router;
}
