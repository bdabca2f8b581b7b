import type postgres from 'postgres';
import type { SqlExecutor } from './sql-executor';

/**
 * A JSON value as a query parameter for a jsonb column. Values reaching here were
 * parsed from JSON (request bodies, stored rows), so they are serialisable; the cast
 * only tells the client's type so.
 */
export function jsonParam(sql: SqlExecutor, value: unknown): postgres.Parameter {
  return sql.json(value as postgres.JSONValue);
}
