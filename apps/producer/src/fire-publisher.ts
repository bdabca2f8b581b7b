import type { Broker, TransactionalPublisher } from '@interflow/broker';

/**
 * What the scheduler needs of the broker: publishing inside its own transaction, so a
 * fire's key row and its messages commit together, and where an earlier fire's message
 * is (an overlap policy waits while it still waits in its queue).
 */
export type FirePublisher = TransactionalPublisher & Pick<Broker, 'locateMessages'>;
