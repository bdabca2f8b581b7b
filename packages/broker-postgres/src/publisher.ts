import { NotFoundError, type SqlExecutor } from '@interflow/core';
import { type PublishReceipt, QueueFullError, UnroutableError, type PublicationRow } from '@interflow/broker';
import { deadLetter } from './dead-letter-sql';
import { insertDirect, qualifiesForDirectInsert } from './direct-publish-sql';
import { encodePublications, type EncodedPublications } from './publication-encoding';
import { findDedupedMessage, insertPublications, lockBoundedQueues, oldestUnleased, type PublishOutcomeRow } from './publish-sql';

/** What one publication of a batch came to: its receipt, or why nothing was stored for it. */
export type PublicationResult = { receipt: PublishReceipt } | { error: Error; retryable: boolean };

export interface StoredBatch {
  /** Indexed like the rows. */
  results: PublicationResult[];
  /** True when nothing was stored because some rows routed into bounded queues. */
  needsBoundedPath: boolean;
}

function problemError(problem: PublishOutcomeRow, row: PublicationRow): Error {
  if (problem.problem === 'exchange_not_found') return new NotFoundError('exchange', problem.subject);
  return new UnroutableError(row.exchange, row.routing_key);
}

/**
 * Runs the publish statement and sorts its answer per publication. When a problem
 * stopped the statement, the publications without a problem of their own are marked
 * retryable (nothing was stored for them either).
 */
export async function storePublications(
  sql: SqlExecutor,
  rows: PublicationRow[],
  allowBounded: boolean,
  encoded: EncodedPublications = encodePublications(rows),
  /** The direct insert was just tried for these rows and answered null: go straight to the general statement. */
  directTried = false,
): Promise<StoredBatch> {
  if (!allowBounded && !directTried && qualifiesForDirectInsert(rows)) {
    const ids = await insertDirect(sql, encoded, rows.length);
    if (ids) return { results: rows.map((row, index) => ({ receipt: { messageIds: [ids[index] ?? ''], queues: [row.routing_key] } })), needsBoundedPath: false };
  }
  const outcome = await insertPublications(sql, encoded, allowBounded);
  const results: PublicationResult[] = rows.map(() => ({ receipt: { messageIds: [], queues: [] } }));
  const problems = outcome.filter((line) => line.problem !== null);
  if (problems.length > 0) {
    const hardProblems = problems.filter((line) => line.problem !== 'bounded');
    for (let index = 0; index < rows.length; index++) results[index] = { error: new Error('not stored: another publication of the batch failed'), retryable: true };
    for (const problem of hardProblems) {
      const row = rows[problem.ord];
      if (row) results[problem.ord] = { error: problemError(problem, row), retryable: false };
    }
    return { results, needsBoundedPath: hardProblems.length === 0 };
  }
  for (const line of outcome) {
    const result = results[line.ord];
    if (!result || !('receipt' in result)) continue;
    let id = line.id;
    const row = rows[line.ord];
    if (id === null && row?.dedupe_key) id = await findDedupedMessage(sql, line.subject, row.dedupe_key);
    if (id === null) throw new Error(`message for queue '${line.subject}' was neither stored nor found by its dedupe key`);
    result.receipt.messageIds.push(id);
    result.receipt.queues.push(line.subject);
  }
  return { results, needsBoundedPath: false };
}

/** Lines of the statement's answer that name a bounded queue (max length set). */
function boundedQueues(outcome: PublishOutcomeRow[]): string[] {
  return [...new Set(outcome.filter((line) => line.problem === null && line.max_length !== null).map((line) => line.subject))];
}

/**
 * Publishes inside a transaction the caller holds (all or none), enforcing max length:
 * after the insert, the bounded queues it touched are locked and counted; overflow
 * `reject_publish` throws QueueFullError (the caller's transaction must roll back),
 * `dead_letter_oldest` dead-letters the oldest unleased messages beyond the limit.
 */
export async function publishInTransaction(tx: SqlExecutor, rows: PublicationRow[]): Promise<{ receipts: PublishReceipt[]; queues: Set<string> }> {
  const encoded = encodePublications(rows);
  if (qualifiesForDirectInsert(rows)) {
    const ids = await insertDirect(tx, encoded, rows.length);
    if (ids) {
      const receipts = rows.map((row, index) => ({ messageIds: [ids[index] ?? ''], queues: [row.routing_key] }));
      return { receipts, queues: new Set(rows.map((row) => row.routing_key)) };
    }
  }
  const outcome = await insertPublications(tx, encoded, true);
  const problem = outcome.find((line) => line.problem !== null);
  if (problem) {
    const row = rows[problem.ord];
    throw row ? problemError(problem, row) : new Error('publish problem for an unknown publication');
  }
  const queues = new Set<string>();
  const bounded = boundedQueues(outcome);
  if (bounded.length > 0) {
    for (const queue of await lockBoundedQueues(tx, bounded)) {
      const excess = queue.length - queue.max_length;
      if (excess <= 0) continue;
      if (queue.overflow === 'reject_publish') throw new QueueFullError(queue.name, queue.max_length);
      const oldest = await oldestUnleased(tx, queue.name, excess);
      const moved = await deadLetter(tx, oldest.map((id) => ({ id, token: null })), 'maxlen', `queue exceeded max length ${queue.max_length}`);
      for (const message of moved) if (message.deadLetterQueue) queues.add(message.deadLetterQueue);
    }
  }
  const receipts: PublishReceipt[] = rows.map(() => ({ messageIds: [], queues: [] }));
  for (const line of outcome) {
    const receipt = receipts[line.ord];
    if (!receipt) continue;
    const row = rows[line.ord];
    const id = line.id ?? (row?.dedupe_key ? await findDedupedMessage(tx, line.subject, row.dedupe_key) : null);
    if (id === null) throw new Error(`message for queue '${line.subject}' was neither stored nor found by its dedupe key`);
    receipt.messageIds.push(id);
    receipt.queues.push(line.subject);
    queues.add(line.subject);
  }
  return { receipts, queues };
}
