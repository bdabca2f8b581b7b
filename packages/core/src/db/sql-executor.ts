import type postgres from 'postgres';

/**
 * Anything that runs a tagged-template query: the pool (`Sql`) or a transaction
 * (`sql.begin(tx => ...)`). Functions that must be able to join the caller's
 * transaction (recording a run next to a publish) take this instead of `Sql`.
 */
export type SqlExecutor = postgres.ISql<Record<string, never>>;
