/**
 * The move between the PostgreSQL and the RabbitMQ broker (`npm run broker:move`,
 * docs/broker-rabbitmq.md): topology, then waiting, delayed and dead-lettered messages,
 * exactly once, resumable after a crash through the move ledger it owns.
 */
export { moveBroker, type BrokerMoveOptions, type BrokerMoveReport } from './broker-move';
export { moveRefusal, CONSUMER_ALIVE_MS, type BrokerActivity } from './move-refusal';
export type { BrokerKind } from './move-ledger';
export type { MoveHooks } from './move-context';
export type { CopiedTopology } from './topology-copy';
