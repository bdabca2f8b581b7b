import type { PublicationRow } from '@interflow/broker';
import { type Sql } from '@interflow/core';
import { insertDirect } from './direct-publish-sql';
import { encodePublications } from './publication-encoding';

/**
 * Rows a chunk of a large `publishBatch` carries at most. One statement of 20,000 rows
 * left the database idle while Node encoded them and Node idle while the database
 * inserted them; chunks overlap the two. 2,000–2,500 measured best, 3,500–5,000 no
 * better than one statement (docs/benchmarks.md).
 */
export const BULK_CHUNK_ROWS = 2_500;

/** The [start, end) ranges of `count` rows cut into chunks of at most `size`, in order, sizes as even as they can be. */
export function chunkRanges(count: number, size: number): [number, number][] {
  if (count <= 0) return [];
  const chunks = Math.ceil(count / size);
  const ranges: [number, number][] = [];
  for (let chunk = 0; chunk < chunks; chunk++) {
    ranges.push([Math.floor((chunk * count) / chunks), Math.floor(((chunk + 1) * count) / chunks)]);
  }
  return ranges;
}

/** Thrown inside the transaction to roll it back when a chunk could not take the direct path. */
class NotDirect extends Error {}

/**
 * A large batch for the direct path (`insertDirect`: default exchange, no dedupe keys) in
 * ONE transaction of several statements, all or none. Each chunk is encoded and sent
 * without waiting for the answer to the one before (the statements are pipelined on the
 * transaction's connection), so the database inserts one chunk while Node encodes the
 * next. Chunks run in order on one connection, so ids still grow in publication order.
 * Answers the ids by row position, or null when some chunk names no queue or a bounded
 * one: the transaction is rolled back (nothing stored) and the caller takes the general
 * path for the whole batch.
 */
export async function insertDirectInChunks(sql: Sql, rows: PublicationRow[], chunkRows = BULK_CHUNK_ROWS): Promise<string[] | null> {
  try {
    return await sql.begin(async (tx) => {
      const answers: Promise<string[] | null>[] = [];
      for (const [start, end] of chunkRanges(rows.length, chunkRows)) {
        const chunk = rows.slice(start, end);
        const answer = insertDirect(tx, encodePublications(chunk), chunk.length);
        // Handled now, read below: a chunk that fails while the next is encoded is no unhandled rejection.
        answer.catch(() => undefined);
        answers.push(answer);
        // Let the statement leave before the next chunk is encoded.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const ids = await Promise.all(answers);
      if (ids.some((chunk) => chunk === null)) throw new NotDirect();
      return ids.flatMap((chunk) => chunk ?? []);
    });
  } catch (error) {
    if (error instanceof NotDirect) return null;
    throw error;
  }
}
