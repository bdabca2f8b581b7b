/** The table in which the migration ledger records what has been applied (read by readiness). */
export const MIGRATIONS_TABLE = 'migrations';
