import { type SqlExecutor } from '@interflow/core';

/**
 * Producers LISTEN on this channel (one per installation schema) and re-read their next
 * due time when the api creates, changes or deletes a schedule: an API change takes
 * effect at once, without a restart and without polling.
 */
const CHANNEL_PREFIX = 'interflow.schedules.';

export function scheduleChangesChannel(schema: string): string {
  return `${CHANNEL_PREFIX}${schema}`;
}

/** Queues the notification in the caller's transaction: it is sent on commit only. */
export async function notifyScheduleChanged(sql: SqlExecutor, scheduleId: string): Promise<void> {
  await sql`select pg_notify(${CHANNEL_PREFIX} || current_schema(), ${scheduleId})`;
}
