/**
 * The integration registry: services, deployments, actions, runs, action states, the
 * response cache, subscriptions and schedule storage, and the run-request contract that
 * api, producer and runner exchange. Only this package names these tables.
 */
export { ROLES, roleAtLeast, principalCoversDeployment, type Role, type Principal } from './access/principal';
export * from './integrations';
export * from './run-request';
export * from './schedule';
export * from './schedule-store';
export {
  createActionSubscription,
  getActionSubscription,
  listActionSubscriptions,
  deleteActionSubscription,
  listSubscriptionTargets,
  type ActionSubscription,
  type ActionSubscriptionFields,
  type ItemEventSource,
} from './subscriptions/action-subscriptions';
export { ITEM_EVENT_KINDS, itemEventPublications, type ItemEventPayload } from './item-events/item-event';
