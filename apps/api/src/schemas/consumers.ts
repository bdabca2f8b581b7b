import { z } from 'zod';
import { type ConsumerInfo } from '@interflow/broker';
import { pageQueryShape } from '../http/pagination';
import { resourceName } from './mq-names';

export const listConsumersQuery = z.strictObject({ ...pageQueryShape, queue: resourceName.optional() });

export const consumerJson = z.object({
  id: z.string(),
  queue: z.string(),
  name: z.string().describe('what the consumer calls itself (e.g. runner)'),
  host: z.string(),
  pid: z.number(),
  concurrency: z.number(),
  prefetch: z.number(),
  started_at: z.string(),
  heartbeat_at: z.string().describe('a few seconds old while the consumer is alive'),
});

export function consumerToJson(consumer: ConsumerInfo): z.infer<typeof consumerJson> {
  return {
    id: consumer.id,
    queue: consumer.queue,
    name: consumer.name,
    host: consumer.host,
    pid: consumer.pid,
    concurrency: consumer.concurrency,
    prefetch: consumer.prefetch,
    started_at: consumer.startedAt.toISOString(),
    heartbeat_at: consumer.heartbeatAt.toISOString(),
  };
}
