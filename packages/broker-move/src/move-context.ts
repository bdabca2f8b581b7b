import type { Logger, Sql } from '@interflow/core';
import type { RabbitmqMessageMove } from '@interflow/broker-rabbitmq';

/** Points where a test can make the move fail, to see what a crash there leaves. */
export interface MoveHooks {
  /** PostgreSQL → RabbitMQ: a batch is recorded as sending, not yet published. */
  beforeSend?: () => Promise<void> | void;
  /** PostgreSQL → RabbitMQ: a batch is confirmed by RabbitMQ, not yet deleted from PostgreSQL. */
  afterSend?: () => Promise<void> | void;
  /** RabbitMQ → PostgreSQL: a batch is committed to PostgreSQL, not yet acked on RabbitMQ. */
  afterStore?: () => Promise<void> | void;
}

/** What moving the messages of one move needs. */
export interface MoveContext {
  sql: Sql;
  moveId: string;
  rabbitmq: RabbitmqMessageMove;
  logger: Logger;
  batchSize: number;
  hooks: MoveHooks;
}
