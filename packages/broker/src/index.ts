/**
 * The broker contract: the types, errors, routing rules and system names every broker
 * implementation shares (PostgreSQL in `@interflow/broker-postgres`). Daemons program
 * against `Broker` and `TransactionalPublisher`; the conformance suite
 * (`@interflow/broker/conformance`) holds every behavioural promise an implementation makes.
 */
export * from './broker';
export * from './observation';
export type { PortableMessage } from './portable-message';
export type { TransactionSql } from './sql-types';
export { UnroutableError, StaleDeliveryError, QueueFullError } from './errors';
export {
  SYSTEM_PREFIX,
  DEFAULT_ACTION_QUEUE,
  RESERVED_NAME_MESSAGE,
  isSystemName,
  isSystemDeadLetterQueue,
  isActionQueueName,
  deadLetterQueueOf,
  subscriptionQueueName,
  replyQueueName,
  ITEM_EVENTS_EXCHANGE,
  itemEventRoutingKey,
} from './system-names';
export { DEFAULT_QUEUE_POLICY } from './queue-policy';
export { topicPatternToRegex, topicMatches, headersMatch } from './routing';
export { retryDelayMs } from './retry-backoff';
export { decideHandOver, type HandOverDecision, type HandOverState } from './hand-over';
// Shared by implementations: validation and normalisation of what callers declare and publish.
export { normalizeBinding, validateHeaders, type NormalizedBinding } from './routing';
export { mergeQueuePolicy, validateName } from './queue-policy';
export { EXCHANGE_TYPES, checkExchangeDeclaration, exchangeTypeConflict, queuePolicyOf, checkBindingNames, checkBindingId } from './topology-rules';
export { publicationRow, type PublicationRow } from './publication-input';
