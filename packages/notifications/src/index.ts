export {
  createRecipient,
  getRecipient,
  recipientExists,
  listRecipients,
  updateRecipient,
  deleteRecipient,
  rotateWebhookSecret,
  resealWebhookSecrets,
  recipientWebhook,
  recipientWebhookSecrets,
  generateWebhookSecret,
  type Recipient,
  type RecipientFields,
} from './recipients';
export {
  createRecipientGroup,
  getRecipientGroup,
  listRecipientGroups,
  updateRecipientGroup,
  deleteRecipientGroup,
  addGroupMembers,
  removeGroupMember,
  type RecipientGroup,
  type RecipientGroupFields,
} from './recipient-groups';
export {
  SEVERITIES,
  DEFAULT_MAX_REMINDERS,
  createNotification,
  getNotification,
  listNotifications,
  missingAddressees,
  type Severity,
  type Addressees,
  type NotificationDraft,
  type Notification,
  type DeliveryCounts,
} from './notifications';
export { HISTORY_KINDS, notificationHistory, type HistoryKind, type RecordedHistoryEntry } from './notification-history';
export { deliverTo, type PendingSend, type DeliveryReason } from './deliver';
export { fanOutNotification } from './fan-out';
export {
  DELIVERY_STATES,
  listInbox,
  listDeliveries,
  getInboxDelivery,
  markDeliveryRead,
  confirmDelivery,
  type Delivery,
  type DeliveryState,
  type InboxFilter,
} from './deliveries';
export { expireDeliveries, remindUnconfirmed, escalateUnconfirmed } from './follow-up';
export { getChannelSend, recordSendAttempt, listSends, type ChannelSend, type SendRecord } from './channel-sends';
export {
  NOTIFICATION_EXCHANGE,
  NOTIFICATION_ROUTES,
  notificationQueue,
  fanOutPublication,
  channelSendPublication,
  isFanOutMessage,
  isChannelSendMessage,
  declareNotificationTopology,
  type NotificationRoute,
  type FanOutMessage,
  type ChannelSendMessage,
} from './notification-messages';
export {
  runOutcomeNotifications,
  isRunOutcomeRule,
  isNonEmptyResult,
  type RunOutcomeRule,
  type RuleDelivery,
  type RunOutcomeFacts,
} from './run-outcome-rules';
export { raiseRunOutcomeNotifications } from './raise-run-outcome';
export { RunOutcomeNotifier, OUTCOME_RULES_GRACE_MS } from './run-outcome-notifier';
