/**
 * One page of a list ordered by a monotonically increasing `seq` column (identity).
 * Paging by a key instead of an offset stays correct while rows are added, and an
 * identity column has no ties, unlike timestamps.
 */
export interface KeysetPage<T> {
  items: T[];
  /** The `seq` to continue after, or null when this was the last page. */
  next: string | null;
}

/** Rows were fetched with `limit + 1`: the extra row only says whether there is more. */
export function keysetPage<Row extends { seq: string }, T>(rows: Row[], limit: number, present: (row: Row) => T): KeysetPage<T> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  return { items: pageRows.map(present), next: rows.length > limit && last ? last.seq : null };
}

export interface KeysetRequest {
  limit: number;
  /** Continue after this `seq` (from a previous page's `next`). */
  after?: string | null;
}
