import { ConflictError, type Logger, type Sql } from '@interflow/core';
import { leasedMessageCount, type PostgresBroker } from '@interflow/broker-postgres';
import type { RabbitmqBroker } from '@interflow/broker-rabbitmq';
import { copyTopology, type CopiedTopology } from './topology-copy';
import type { MoveHooks } from './move-context';
import { finishMove, openMove, type BrokerKind } from './move-ledger';
import { moveRefusal } from './move-refusal';
import { moveMessagesToPostgres } from './move-to-postgres';
import { moveMessagesToRabbitmq } from './move-to-rabbitmq';

export interface BrokerMoveOptions {
  /** The installation's database (search_path set): both brokers' bookkeeping and the move ledger. */
  sql: Sql;
  postgres: PostgresBroker;
  rabbitmq: RabbitmqBroker;
  logger: Logger;
  to: BrokerKind;
  /** Messages per batch (one ledger write, one publish or insert, one delete or ack). */
  batchSize?: number;
  hooks?: MoveHooks;
}

export interface BrokerMoveReport {
  moveId: string;
  /** An interrupted move was continued. */
  resumed: boolean;
  topology: CopiedTopology;
  /** Messages this run moved. */
  movedThisRun: number;
  /** Messages the whole move moved, interrupted runs included. */
  moved: number;
}

/** Returns every lapsed lease and expires what is due on the PostgreSQL broker, so nothing is left held by a dead consumer. */
async function tidyPostgres(postgres: PostgresBroker): Promise<void> {
  const limit = 1000;
  for (;;) {
    const counts = await postgres.housekeep({ limit });
    if (counts.expired < limit && counts.returnedLeases < limit) return;
  }
}

/**
 * Moves the installation from one broker to the other: refuses while anything consumes,
 * copies the topology, then moves every waiting, delayed and dead-lettered message,
 * exactly once, through the move ledger. Safe to run again after a crash at any point:
 * it continues the unfinished move. Both brokers must be reachable.
 */
export async function moveBroker(options: BrokerMoveOptions): Promise<BrokerMoveReport> {
  const { sql, postgres, rabbitmq, logger, to } = options;
  const from: BrokerKind = to === 'rabbitmq' ? 'postgres' : 'rabbitmq';
  const messages = rabbitmq.messageMove();
  // What publishWithin left in the outbox is a RabbitMQ message too: relay it before looking.
  await rabbitmq.sweepOutbox();
  await tidyPostgres(postgres);
  const refusal = moveRefusal({
    postgresConsumers: await postgres.listConsumers(),
    leasedMessages: await leasedMessageCount(sql),
    rabbitmqConsumers: await messages.consumerCount((await rabbitmq.listQueues()).map((queue) => queue.name)),
    now: Date.now(),
  });
  if (refusal !== null) throw new ConflictError(refusal);

  const move = await openMove(sql, from, to);
  logger.info(move.resumed ? 'continuing an interrupted broker move' : 'starting a broker move', { moveId: move.id, from, to });
  const source = from === 'postgres' ? postgres : rabbitmq;
  const target = to === 'postgres' ? postgres : rabbitmq;
  const topology = await copyTopology(source, target);
  logger.info('topology copied', { ...topology });
  const queues = (await source.listQueues()).map((queue) => queue.name);
  const context = { sql, moveId: move.id, rabbitmq: messages, logger, batchSize: options.batchSize ?? 500, hooks: options.hooks ?? {} };
  const movedThisRun = to === 'rabbitmq' ? await moveMessagesToRabbitmq(context, queues) : await moveMessagesToPostgres(context, queues);
  const moved = await finishMove(sql, move.id);
  logger.info('broker move finished', { moveId: move.id, from, to, moved, movedThisRun });
  return { moveId: move.id, resumed: move.resumed, topology, movedThisRun, moved };
}
