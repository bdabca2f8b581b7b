export { RabbitmqBroker, type RabbitmqBrokerOptions } from './rabbitmq-broker';
export { type RegisteredConsumer as RabbitmqRegisteredConsumer } from './consumer-registry';
export { AmqpNames } from './amqp-names';
export { delayBucketMs } from './delay-buckets';
export type { RelayCrashPoint } from './outbox';
export { RabbitmqMessageMove, type TakenMessages } from './message-move';
export { DEFAULT_DECLARATION_SETTLE_MS } from './durable-queue';
