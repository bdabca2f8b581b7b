/**
 * Maps a PostgreSQL unique violation on `constraint` to a meaningful error, and passes
 * any other error through unchanged ("name taken" without a racy check-then-insert).
 */
export function uniqueViolationOf(error: unknown, constraint: string, toError: () => Error): unknown {
  const pgError = error as { code?: string; constraint_name?: string };
  if (pgError.code === '23505' && pgError.constraint_name === constraint) return toError();
  return error;
}
