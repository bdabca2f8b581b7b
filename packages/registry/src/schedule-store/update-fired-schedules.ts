import type postgres from 'postgres';
import type { TransactionSql as Transaction } from '@interflow/broker';

export interface FiredScheduleState {
  id: string;
  nextFireAt: Date | null;
  /** Null leaves last_fired_at and last_fire_message_ids as they are (nothing published). */
  lastFiredAt: Date | null;
  lastFireMessageIds: string[] | null;
  bufferedFireAt: Date | null;
}

/**
 * Moves every fired schedule to its next fire in one statement, in the transaction that
 * recorded and published its fires: either all of it happened or none did. A success
 * clears an earlier publish failure.
 */
export async function updateFiredSchedules(tx: Transaction, states: FiredScheduleState[]): Promise<void> {
  if (states.length === 0) return;
  const rows = states.map((s) => ({
    id: s.id,
    next_fire_at: s.nextFireAt?.toISOString() ?? null,
    last_fired_at: s.lastFiredAt?.toISOString() ?? null,
    last_fire_message_ids: s.lastFireMessageIds,
    buffered_fire_at: s.bufferedFireAt?.toISOString() ?? null,
  }));
  await tx`
    update schedules s set
      next_fire_at = v.next_fire_at,
      last_fired_at = coalesce(v.last_fired_at, s.last_fired_at),
      last_fire_message_ids = coalesce(v.last_fire_message_ids, s.last_fire_message_ids),
      buffered_fire_at = v.buffered_fire_at,
      last_error = null,
      retry_at = null
    from jsonb_to_recordset(${tx.json(rows as unknown as postgres.JSONValue)}) as v(
      id uuid, next_fire_at timestamptz, last_fired_at timestamptz, last_fire_message_ids text[], buffered_fire_at timestamptz)
    where s.id = v.id`;
}

/** Records why a schedule's fire could not be published; it stays due and is retried at `retryAt`. */
export async function markScheduleFailed(tx: Transaction, id: string, error: string, retryAt: Date): Promise<void> {
  await tx`update schedules set last_error = ${error}, retry_at = ${retryAt} where id = ${id}`;
}
