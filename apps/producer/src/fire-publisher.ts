import { type Publication, type PublishReceipt } from '@interflow/broker';
import type { Transaction } from './sql/transaction';

/**
 * What the scheduler needs of the broker: publishing inside its own transaction, so a
 * fire's key row and its messages commit together (PostgresBroker.publishWithin).
 */
export interface FirePublisher {
  publishWithin(tx: Transaction, publications: Publication[]): Promise<PublishReceipt[]>;
}
