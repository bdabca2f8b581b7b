import type postgres from 'postgres';

/** The caller's transaction in `sql.begin(tx => ...)`: what `publishWithin` and the `…Within` settles join. */
export type TransactionSql = postgres.TransactionSql<Record<string, never>>;
