import type postgres from 'postgres';

/** Anything statements can run on: the pool, a transaction, a reserved connection. */
export type { SqlExecutor as Queryable } from '../db/sql-executor';

/** The caller's transaction in `sql.begin(tx => ...)`. */
export type TransactionSql = postgres.TransactionSql<Record<string, never>>;
