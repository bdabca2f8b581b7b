export {
  formatEventPosition,
  parseEventPosition,
  compareEventPositions,
  LOG_START,
  type EventPosition,
} from './event-position';
export { eventVisibleTo, queueVisibleTo, type EventAudience } from './event-visibility';
export { readEventsAfter, eventLogHead, eventIsKept, pruneEvents, readableDeployments, type LoggedEvent } from './event-log';
