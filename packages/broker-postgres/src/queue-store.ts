import { NotFoundError, type SqlExecutor } from '@interflow/core';
import { queuePolicyOf, type Queue, type QueueDeclaration } from '@interflow/broker';
import { policyFromRow, type QueueRow } from './queue-row';

function toQueue(row: QueueRow): Queue {
  return { name: row.name, policy: policyFromRow(row), createdAt: row.created_at };
}

/**
 * Creates the queue, or changes the policy fields the declaration names (the others
 * keep their stored values). A dead-letter queue must exist first.
 */
export async function declareQueue(sql: SqlExecutor, declaration: QueueDeclaration): Promise<Queue> {
  const existing = await getQueue(sql, declaration.name);
  const policy = queuePolicyOf(declaration, existing?.policy ?? null);
  if (policy.deadLetterQueue !== null) {
    const [found] = await sql`select 1 from mq_queues where name = ${policy.deadLetterQueue}`;
    if (!found) throw new NotFoundError('queue', policy.deadLetterQueue);
  }
  const backoff = policy.retryBackoff;
  const [row] = await sql<QueueRow[]>`
    insert into mq_queues (name, message_ttl_ms, max_attempts, backoff_initial_ms, backoff_multiplier, backoff_max_ms,
      backoff_jitter, dead_letter_queue, max_length, overflow, ack_deadline_ms)
    values (${declaration.name}, ${policy.messageTtlMs}, ${policy.maxAttempts}, ${backoff.initialDelayMs}, ${backoff.multiplier},
      ${backoff.maxDelayMs}, ${backoff.jitter}, ${policy.deadLetterQueue}, ${policy.maxLength}, ${policy.overflow}, ${policy.ackDeadlineMs})
    on conflict (name) do update set
      message_ttl_ms = excluded.message_ttl_ms, max_attempts = excluded.max_attempts,
      backoff_initial_ms = excluded.backoff_initial_ms, backoff_multiplier = excluded.backoff_multiplier,
      backoff_max_ms = excluded.backoff_max_ms, backoff_jitter = excluded.backoff_jitter,
      dead_letter_queue = excluded.dead_letter_queue, max_length = excluded.max_length,
      overflow = excluded.overflow, ack_deadline_ms = excluded.ack_deadline_ms
    returning *`;
  if (!row) throw new Error(`declaring queue '${declaration.name}' returned no row`);
  return toQueue(row);
}

export async function getQueue(sql: SqlExecutor, name: string): Promise<Queue | null> {
  const [row] = await sql<QueueRow[]>`select * from mq_queues where name = ${name}`;
  return row ? toQueue(row) : null;
}

export async function listQueues(sql: SqlExecutor): Promise<Queue[]> {
  const rows = await sql<QueueRow[]>`select * from mq_queues order by name`;
  return rows.map(toQueue);
}

/**
 * Deletes the queue with its messages and bindings. Queues that dead-lettered into it
 * lose their dead-letter queue (their later dead letters are dropped, with a log line).
 */
export async function deleteQueue(sql: SqlExecutor, name: string): Promise<void> {
  const [result] = await sql<{ deleted: string | null }[]>`
    with messages as (delete from mq_messages where queue = ${name}),
    queue as (delete from mq_queues where name = ${name} returning name)
    select (select name from queue) as deleted`;
  if (!result?.deleted) throw new NotFoundError('queue', name);
}
