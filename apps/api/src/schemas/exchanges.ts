import { z } from 'zod';
import { type Exchange } from '@interflow/broker';
import { pageQueryShape } from '../http/pagination';
import { userTopologyName } from './mq-names';

const exchangeType = z.enum(['direct', 'fanout', 'topic', 'headers']);

export const createExchangeBody = z
  .strictObject({
    name: userTopologyName,
    type: exchangeType,
    /** Where messages that match no binding go (RabbitMQ's alternate-exchange). */
    alternate_exchange: userTopologyName.nullable().optional(),
  })
  .refine((body) => body.alternate_exchange !== body.name, {
    message: 'an exchange cannot be its own alternate',
    path: ['alternate_exchange'],
  });

export const listExchangesQuery = z.strictObject({ ...pageQueryShape });

export const exchangeJson = z.object({
  name: z.string(),
  type: exchangeType,
  alternate_exchange: z.string().nullable(),
  created_at: z.string(),
});

export function exchangeToJson(exchange: Exchange): z.infer<typeof exchangeJson> {
  return {
    name: exchange.name,
    type: exchange.type,
    alternate_exchange: exchange.alternateExchange,
    created_at: exchange.createdAt.toISOString(),
  };
}
