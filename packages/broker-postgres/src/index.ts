/**
 * The PostgreSQL broker: the `Broker` contract (`@interflow/broker`) on `mq_*` tables,
 * with `publishWithin` for publishing inside a caller's transaction. Only this package
 * names the `mq_*` tables.
 */
export { PostgresBroker, type PostgresBrokerOptions } from './postgres-broker';
export {
  expireMessages,
  returnLapsedLeases,
  pruneHistory,
  runQueueHousekeeping,
  type HousekeepingOptions,
  type PruneOptions,
  type HousekeepingReport,
} from './housekeeping';
export { listConsumers, type RegisteredConsumer } from './consumer-registry';
export { readQueueGauges, type QueueGaugeRow } from './queue-gauges-sql';
export { wakeUpChannel } from './wake-up';
export { queueDepths, type QueueDepth } from './queue-depth-sql';
