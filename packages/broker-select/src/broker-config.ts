import { z } from 'zod';

/** The broker a daemon uses, from its environment (spread into each daemon's config schema). */
export const brokerConfigShape = {
  /** `postgres` (default): the PostgreSQL broker, in the same database. `rabbitmq`: RabbitMQ at AMQP_URL. */
  INTERFLOW_BROKER: z.enum(['postgres', 'rabbitmq']).default('postgres'),
  /** amqp://user:password@host:port/vhost — required with INTERFLOW_BROKER=rabbitmq. */
  AMQP_URL: z
    .string()
    .regex(/^amqps?:\/\//, { message: 'expected an amqp:// or amqps:// URL' })
    .optional(),
  /** Put before every RabbitMQ name, so installations can share a virtual host. */
  AMQP_NAME_PREFIX: z.string().max(100).default(''),
};

export interface BrokerConfig {
  INTERFLOW_BROKER: 'postgres' | 'rabbitmq';
  AMQP_URL?: string | undefined;
  AMQP_NAME_PREFIX: string;
}

/** The URL with its password masked, for logs. */
export function maskedAmqpUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
