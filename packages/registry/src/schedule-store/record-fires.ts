import type { TransactionSql as Transaction } from '@interflow/broker';

export interface FireKey {
  scheduleId: string;
  fireTime: Date;
  outcome: 'published' | 'skipped_overlap' | 'expired';
}

export const fireKeyId = (scheduleId: string, fireTime: Date) => `${scheduleId}@${fireTime.toISOString()}`;

/**
 * Inserts one row per (schedule, fire time) and answers the keys that were new. The
 * caller publishes only those, in the same transaction: a fire whose key exists was
 * handled before (by any producer) and is never published twice.
 */
export async function recordFireKeys(tx: Transaction, keys: FireKey[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await tx<{ schedule_id: string; fire_time: Date }[]>`
    insert into schedule_fires (schedule_id, fire_time, outcome)
    select * from unnest(
      ${keys.map((k) => k.scheduleId)}::uuid[],
      ${keys.map((k) => k.fireTime.toISOString())}::timestamptz[],
      ${keys.map((k) => k.outcome)}::text[])
    on conflict do nothing
    returning schedule_id, fire_time`;
  return new Set(rows.map((row) => fireKeyId(row.schedule_id, row.fire_time)));
}
