/**
 * Maps a PostgreSQL unique violation on `constraint` to a meaningful error, and passes
 * any other error through unchanged. Lets a repository say "name taken" without a racy
 * check-then-insert.
 */
export function uniqueViolation(error: unknown, constraint: string, toError: () => Error): unknown {
  return isUniqueViolation(error, constraint) ? toError() : error;
}

/** True when `error` is PostgreSQL's unique violation of `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const pgError = error as { code?: string; constraint_name?: string };
  return pgError.code === '23505' && pgError.constraint_name === constraint;
}
