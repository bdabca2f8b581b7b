import type { MessageWhereabouts } from '@interflow/broker';

/**
 * Why an unfinished run can never end, judged by where its message is; null while the
 * message still waits in a queue (the runner can still end the run).
 */
export function abandonedRunReason(whereabouts: MessageWhereabouts | undefined): string | null {
  if (whereabouts === undefined) return 'the run never ended and its message is gone from every queue (acked, purged or dropped)';
  if (whereabouts.state === 'waiting') return null;
  const { death } = whereabouts;
  const cause = death ? ` (${death.reason}${death.detail ? `: ${death.detail}` : ''})` : '';
  return `the run never ended and its message was dead-lettered${cause}`;
}
