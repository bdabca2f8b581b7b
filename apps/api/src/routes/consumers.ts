import { Router } from 'express';
import { type ConsumerInfo } from '@interflow/broker';
import { requireBrokerAccess, topologyVisibleTo } from '../http/system-topology';
import { paginateByKey } from '../http/paginate-by-key';
import { parseQuery } from '../http/validate';
import { consumerToJson, listConsumersQuery } from '../schemas/consumers';

/**
 * `/v1/consumers`: who listens on which queue (the broker's consumer registry), read-only;
 * consumers of system queues are listed to unscoped admins only.
 */
export function consumerRoutes(deps: {
  broker: { listConsumers(filter?: { queue?: string }): Promise<ConsumerInfo[]> };
}): Router {
  const router = Router();

  router.get('/v1/consumers', async (req, res) => {
    const principal = requireBrokerAccess(req, 'viewer');
    const query = parseQuery(listConsumersQuery, req);
    const all = await deps.broker.listConsumers(query.queue === undefined ? {} : { queue: query.queue });
    const consumers = all.filter((consumer) => topologyVisibleTo(principal, consumer.queue));
    const page = paginateByKey(consumers, (consumer) => consumer.id, query);
    res.json({ items: page.items.map(consumerToJson), next_cursor: page.next_cursor });
  });

  return router;
}
