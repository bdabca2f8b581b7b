import type { TransactionSql } from '@interflow/core';

/** The caller's transaction in `sql.begin(tx => ...)`: every fire statement runs in one. */
export type Transaction = TransactionSql;
