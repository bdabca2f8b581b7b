import type postgres from 'postgres';

/** The caller's transaction in `sql.begin(tx => ...)`: every fire statement runs in one. */
export type Transaction = postgres.TransactionSql<Record<string, never>>;
