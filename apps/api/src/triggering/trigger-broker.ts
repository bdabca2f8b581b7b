import type postgres from 'postgres';
import { type Broker, type Publication, type PublishReceipt } from '@interflow/broker';

/**
 * What triggering needs from the broker: the contract plus `publishWithin`, so a run row
 * and its message commit together (PostgresBroker offers it).
 */
export interface TriggerBroker extends Broker {
  publishWithin(tx: postgres.TransactionSql<Record<string, never>>, publications: Publication[]): Promise<PublishReceipt[]>;
}
