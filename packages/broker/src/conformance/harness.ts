import type { Broker } from '../broker';
import type { TransactionSql } from '../sql-types';
import type { DocumentedDifferences } from './differences';

/** What a test may ask of the broker it is given. */
export interface SubjectOptions {
  /** Jitter source for retry backoff (`() => 0`: delays exactly as configured). */
  random?: () => number;
  /**
   * Consumers idle as long as they can (e.g. poll once a minute), so that only the
   * implementation's wake-up path (NOTIFY, a push from the server) brings a message over
   * within a test.
   */
  wakeUpOnly?: boolean;
}

/** One broker on an empty topology of its own, and what the suite needs around it. */
export interface ConformanceSubject {
  broker: Broker;
  /** Another broker on its own connections, sharing the topology: a second process, as far as the server can tell. */
  otherBroker(): Broker;
  /** Runs `work` in a PostgreSQL transaction that publishWithin / ackWithin accept, committing when it resolves. */
  transaction<T>(work: (tx: TransactionSql) => Promise<T>): Promise<T>;
  /** Closes the brokers and removes the topology and data. */
  close(): Promise<void>;
}

/** A subject whose server connection can be interrupted while it runs. */
export interface InterruptibleSubject extends ConformanceSubject {
  /** Restarts the server (or drops every connection to it) and resolves once it accepts connections again. */
  interrupt(): Promise<void>;
}

/** What an implementation hands to describeBrokerConformance. */
export interface ConformanceHarness {
  makeSubject(options?: SubjectOptions): Promise<ConformanceSubject>;
  /** A subject on a server the test may restart; without it the differences must say why. */
  makeInterruptibleSubject?(options?: SubjectOptions): Promise<InterruptibleSubject>;
  /** Where this implementation knowingly behaves otherwise (each documented in its docs). */
  differences?: DocumentedDifferences;
}

/** Something with postgres' `begin` (a pool): what `transaction` is usually made of. */
interface BeginsTransactions {
  begin(work: (tx: TransactionSql) => Promise<unknown>): Promise<unknown>;
}

/** `ConformanceSubject.transaction` on a postgres pool: runs `work` in `begin` and answers its result once committed. */
export function transactionOn(sql: BeginsTransactions): ConformanceSubject['transaction'] {
  return async <T>(work: (tx: TransactionSql) => Promise<T>): Promise<T> => {
    const results: T[] = [];
    await sql.begin(async (tx) => {
      results.push(await work(tx));
    });
    if (results.length !== 1) throw new Error('the transaction ran its work more than once or not at all');
    return results[0] as T;
  };
}
