import { pageSchema } from '../../http/pagination';
import { bindingIdParams, bindingJson, createBindingBody, listBindingsQuery } from '../../schemas/bindings';
import type { PathSpecs } from '../operation-spec';

const tags = ['message queue'];

export const bindingPaths: PathSpecs = {
  '/v1/bindings': {
    post: {
      summary: 'Bind a queue to an exchange',
      description:
        'direct: `binding_key` must equal the routing key; topic: `binding_key` is a pattern (`*` one word, `#` zero or ' +
        'more); fanout: no key; headers: `headers` with `headers_match` all (default) or any.',
      tags,
      auth: 'operator',
      body: createBindingBody,
      responses: {
        201: { description: 'bound', schema: bindingJson, headers: { Location: 'the binding' } },
        404: { description: 'the exchange or the queue does not exist' },
      },
    },
    get: {
      summary: 'List bindings, optionally of one exchange or one queue',
      tags,
      auth: 'viewer',
      query: listBindingsQuery,
      responses: { 200: { description: 'a page of bindings', schema: pageSchema(bindingJson) } },
    },
  },
  '/v1/bindings/{id}': {
    get: {
      summary: 'Get a binding',
      tags,
      auth: 'viewer',
      params: bindingIdParams,
      responses: { 200: { description: 'the binding', schema: bindingJson }, 404: { description: 'no such binding' } },
    },
    delete: {
      summary: 'Remove a binding',
      tags,
      auth: 'operator',
      params: bindingIdParams,
      responses: { 204: { description: 'removed' }, 404: { description: 'no such binding' } },
    },
  },
};
