/**
 * The event log: what happened (runs created, started, finished; messages dead-lettered;
 * schedules fired; queue depths), written by database triggers into `events`, read by the
 * api's live stream and pruned by the producer's housekeeping. Only this package names
 * the `events` table.
 */
export {
  formatEventPosition,
  parseEventPosition,
  compareEventPositions,
  LOG_START,
  type EventPosition,
} from './event-position';
export { eventVisibleTo, queueVisibleTo, type EventAudience } from './event-visibility';
export { readEventsAfter, eventLogHead, eventIsKept, pruneEvents, type LoggedEvent } from './event-log';
