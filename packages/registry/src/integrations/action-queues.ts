import type { TransactionSql as Transaction } from '@interflow/broker';

/**
 * The queue each action's run requests go to. An action that
 * no longer exists is absent from the answer.
 */
export async function actionQueues(tx: Transaction, actionIds: string[]): Promise<Map<string, string>> {
  if (actionIds.length === 0) return new Map();
  const rows = await tx<{ id: string; queue: string }[]>`
    select id::text as id, queue from actions where id = any(${actionIds}::uuid[])`;
  return new Map(rows.map((row) => [row.id, row.queue]));
}
