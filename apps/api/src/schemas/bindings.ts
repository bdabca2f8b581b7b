import { z } from 'zod';
import { type Binding } from '@interflow/broker';
import { pageQueryShape } from '../http/pagination';
import { resourceName, userTopologyName } from './mq-names';

const headerValue = z.union([z.string(), z.number(), z.boolean()], { message: 'header values must be strings, numbers or booleans' });
const headersMatch = z.enum(['all', 'any']);

export const createBindingBody = z.strictObject({
  exchange: userTopologyName,
  queue: userTopologyName,
  /** direct: equal to the routing key; topic: a pattern of words with `*` (one) and `#` (zero or more). */
  binding_key: z.string().max(255).optional(),
  /** headers exchanges: the header set a message must carry. */
  headers: z.record(z.string().min(1).max(200), headerValue).optional(),
  headers_match: headersMatch.optional(),
});

export const listBindingsQuery = z.strictObject({
  ...pageQueryShape,
  exchange: resourceName.optional(),
  queue: resourceName.optional(),
});

export const bindingIdParams = z.object({ id: z.string().min(1).max(100) });

export const bindingJson = z.object({
  id: z.string(),
  exchange: z.string(),
  queue: z.string(),
  binding_key: z.string(),
  headers: z.record(z.string(), headerValue),
  headers_match: headersMatch,
});

export function bindingToJson(binding: Binding): z.infer<typeof bindingJson> {
  return {
    id: binding.id,
    exchange: binding.exchange,
    queue: binding.queue,
    binding_key: binding.bindingKey,
    headers: binding.headers,
    headers_match: binding.headersMatch,
  };
}
