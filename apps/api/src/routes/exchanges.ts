import { Router } from 'express';
import { type Broker } from '@interflow/broker';
import { NotFoundError } from '@interflow/core';
import { requireBrokerAccess, requireTopologyAccess, topologyVisibleTo } from '../http/system-topology';
import { paginateByKey } from '../http/paginate-by-key';
import { parseBody, parseParams, parseQuery } from '../http/validate';
import { createExchangeBody, exchangeToJson, listExchangesQuery } from '../schemas/exchanges';
import { exchangeBatchBody, exchangePublishBody, isBatchBody, receiptToJson, senderOf, toPublication } from '../schemas/messages';
import { nameParams } from '../schemas/mq-names';


/**
 * `/v1/exchanges`: declare, list, inspect and delete exchanges, and publish through one.
 * Reads need viewer; changes and publishing need operator; only unscoped tokens, and
 * system exchanges (`interflow.`) as system-topology.ts allows.
 */
export function exchangeRoutes(deps: { broker: Broker }): Router {
  const router = Router();
  const { broker } = deps;

  const existingExchange = async (name: string) => {
    const exchange = await broker.getExchange(name);
    if (!exchange) throw new NotFoundError('exchange', name);
    return exchange;
  };

  router.post('/v1/exchanges', async (req, res) => {
    requireBrokerAccess(req, 'operator');
    const body = parseBody(createExchangeBody, req);
    if (body.alternate_exchange) await existingExchange(body.alternate_exchange);
    const existed = (await broker.getExchange(body.name)) !== null;
    const exchange = await broker.declareExchange({
      name: body.name,
      type: body.type,
      alternateExchange: body.alternate_exchange ?? null,
    });
    req.log.info(existed ? 'exchange redeclared' : 'exchange declared', { exchange: exchange.name, type: exchange.type });
    res.status(existed ? 200 : 201).location(`/v1/exchanges/${exchange.name}`).json(exchangeToJson(exchange));
  });

  router.get('/v1/exchanges', async (req, res) => {
    const principal = requireBrokerAccess(req, 'viewer');
    const query = parseQuery(listExchangesQuery, req);
    const visible = (await broker.listExchanges()).filter((exchange) => topologyVisibleTo(principal, exchange.name));
    const page = paginateByKey(visible, (exchange) => exchange.name, query);
    res.json({ items: page.items.map(exchangeToJson), next_cursor: page.next_cursor });
  });

  router.get('/v1/exchanges/:name', async (req, res) => {
    const principal = requireBrokerAccess(req, 'viewer');
    const { name } = parseParams(nameParams, req);
    requireTopologyAccess(principal, 'exchange', name, 'read');
    res.json(exchangeToJson(await existingExchange(name)));
  });

  router.delete('/v1/exchanges/:name', async (req, res) => {
    const principal = requireBrokerAccess(req, 'operator');
    const { name } = parseParams(nameParams, req);
    requireTopologyAccess(principal, 'exchange', name, 'delete');
    await existingExchange(name);
    await broker.deleteExchange(name);
    req.log.info('exchange deleted', { exchange: name });
    res.status(204).end();
  });

  /**
   * One message (`{payload, routing_key, ...}`) or a batch (`{messages: [...]}`) stored
   * in one transaction: all of it or nothing. The answer is the publisher confirm.
   */
  router.post('/v1/exchanges/:name/publish', async (req, res) => {
    const principal = requireBrokerAccess(req, 'operator');
    const { name } = parseParams(nameParams, req);
    requireTopologyAccess(principal, 'exchange', name, 'publish');
    const sender = senderOf(principal);
    if (isBatchBody(req.body)) {
      const body = parseBody(exchangeBatchBody, req);
      await existingExchange(name);
      const publications = body.messages.map((message) => toPublication(name, message.routing_key, message, sender, body.mandatory));
      const receipts = await broker.publishBatch(publications);
      req.log.info('batch published', { exchange: name, messages: publications.length });
      res.status(201).json({ receipts: receipts.map(receiptToJson) });
      return;
    }
    const body = parseBody(exchangePublishBody, req);
    await existingExchange(name);
    const receipt = await broker.publish(toPublication(name, body.routing_key, body, sender, body.mandatory));
    req.log.info('message published', { exchange: name, messageIds: receipt.messageIds });
    res.status(201).json(receiptToJson(receipt));
  });

  return router;
}
