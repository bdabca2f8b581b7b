import { Router } from 'express';
import { type Binding, type Broker } from '@interflow/broker';
import { NotFoundError, ValidationError } from '@interflow/core';
import { type Principal } from '@interflow/registry';
import { requireBrokerAccess, requireTopologyAccess, topologyVisibleTo } from '../http/system-topology';
import { paginateByKey } from '../http/paginate-by-key';
import { parseBody, parseParams, parseQuery } from '../http/validate';
import { bindingIdParams, bindingToJson, createBindingBody, listBindingsQuery } from '../schemas/bindings';

/**
 * `/v1/bindings`: which queues an exchange routes to, and by what key or headers. Only
 * unscoped tokens; nobody binds to or unbinds system topology (a subscription's binding
 * goes with its subscription), and only unscoped admins see bindings that touch it.
 */
function requireBindingAccess(principal: Principal, binding: Binding, operation: 'read' | 'unbind'): void {
  requireTopologyAccess(principal, 'exchange', binding.exchange, operation);
  requireTopologyAccess(principal, 'queue', binding.queue, operation);
}

export function bindingRoutes(deps: { broker: Broker }): Router {
  const router = Router();
  const { broker } = deps;

  const existingBinding = async (id: string) => {
    const binding = (await broker.listBindings()).find((candidate) => candidate.id === id);
    if (!binding) throw new NotFoundError('binding', id);
    return binding;
  };

  router.post('/v1/bindings', async (req, res) => {
    requireBrokerAccess(req, 'operator');
    const body = parseBody(createBindingBody, req);
    const [exchange, queue] = await Promise.all([broker.getExchange(body.exchange), broker.getQueue(body.queue)]);
    if (!exchange) throw new NotFoundError('exchange', body.exchange);
    if (!queue) throw new NotFoundError('queue', body.queue);
    if (exchange.type === 'headers' && !body.headers) {
      throw new ValidationError('invalid request body: headers', [
        { field: 'headers', message: `exchange '${exchange.name}' is a headers exchange: give the headers to match` },
      ]);
    }
    const binding = await broker.bind({
      exchange: body.exchange,
      queue: body.queue,
      ...(body.binding_key === undefined ? {} : { bindingKey: body.binding_key }),
      ...(body.headers === undefined ? {} : { headers: body.headers }),
      ...(body.headers_match === undefined ? {} : { headersMatch: body.headers_match }),
    });
    req.log.info('queue bound', { bindingId: binding.id, exchange: binding.exchange, queue: binding.queue });
    res.status(201).location(`/v1/bindings/${binding.id}`).json(bindingToJson(binding));
  });

  router.get('/v1/bindings', async (req, res) => {
    const principal = requireBrokerAccess(req, 'viewer');
    const query = parseQuery(listBindingsQuery, req);
    const filter = {
      ...(query.exchange === undefined ? {} : { exchange: query.exchange }),
      ...(query.queue === undefined ? {} : { queue: query.queue }),
    };
    const visible = (await broker.listBindings(filter)).filter((binding) => topologyVisibleTo(principal, binding.exchange, binding.queue));
    const page = paginateByKey(visible, (binding) => binding.id, query, 'numeric');
    res.json({ items: page.items.map(bindingToJson), next_cursor: page.next_cursor });
  });

  router.get('/v1/bindings/:id', async (req, res) => {
    const principal = requireBrokerAccess(req, 'viewer');
    const { id } = parseParams(bindingIdParams, req);
    const binding = await existingBinding(id);
    requireBindingAccess(principal, binding, 'read');
    res.json(bindingToJson(binding));
  });

  router.delete('/v1/bindings/:id', async (req, res) => {
    const principal = requireBrokerAccess(req, 'operator');
    const { id } = parseParams(bindingIdParams, req);
    const binding = await existingBinding(id);
    requireBindingAccess(principal, binding, 'unbind');
    await broker.unbind(id);
    req.log.info('queue unbound', { bindingId: id, exchange: binding.exchange, queue: binding.queue });
    res.status(204).end();
  });

  return router;
}
