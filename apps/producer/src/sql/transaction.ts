import { type TransactionSql } from '@interflow/broker';

/** The caller's transaction in `sql.begin(tx => ...)`: every fire statement runs in one. */
export type Transaction = TransactionSql;
