import { Router } from 'express';
import { NotFoundError, ValidationError, type Broker } from '@interflow/core';
import { requireRole, requireUnscoped } from '../http/authorize';
import { paginateByKey } from '../http/paginate-by-key';
import { parseBody, parseParams, parseQuery } from '../http/validate';
import { bindingIdParams, bindingToJson, createBindingBody, listBindingsQuery } from '../schemas/bindings';

/** `/v1/bindings`: which queues an exchange routes to, and by what key or headers. */
export function bindingRoutes(deps: { broker: Broker }): Router {
  const router = Router();
  const { broker } = deps;

  const existingBinding = async (id: string) => {
    const binding = (await broker.listBindings()).find((candidate) => candidate.id === id);
    if (!binding) throw new NotFoundError('binding', id);
    return binding;
  };

  router.post('/v1/bindings', async (req, res) => {
    requireUnscoped(requireRole(req, 'operator'), 'binding queues');
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
    requireRole(req, 'viewer');
    const query = parseQuery(listBindingsQuery, req);
    const filter = {
      ...(query.exchange === undefined ? {} : { exchange: query.exchange }),
      ...(query.queue === undefined ? {} : { queue: query.queue }),
    };
    const page = paginateByKey(await broker.listBindings(filter), (binding) => binding.id, query, 'numeric');
    res.json({ items: page.items.map(bindingToJson), next_cursor: page.next_cursor });
  });

  router.get('/v1/bindings/:id', async (req, res) => {
    requireRole(req, 'viewer');
    const { id } = parseParams(bindingIdParams, req);
    res.json(bindingToJson(await existingBinding(id)));
  });

  router.delete('/v1/bindings/:id', async (req, res) => {
    requireUnscoped(requireRole(req, 'operator'), 'unbinding queues');
    const { id } = parseParams(bindingIdParams, req);
    const binding = await existingBinding(id);
    await broker.unbind(id);
    req.log.info('queue unbound', { bindingId: id, exchange: binding.exchange, queue: binding.queue });
    res.status(204).end();
  });

  return router;
}
